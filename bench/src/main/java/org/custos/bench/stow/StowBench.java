package org.custos.bench.stow;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.FileBulkDataSource;
import org.custos.dicom.FileMeta;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;

/**
 * STOW-RS ingest rate of the packaged server (HTTPS, self-signed certificate, API key), for 1 and
 * 4 concurrent clients sending 1 and 10 instances per request; each run stores its own fresh
 * instances (new Study/Series/SOP Instance UIDs from one template file), after a warm-up. Prints
 * a Markdown table of instances/s and MB/s. Usage: java -cp benchmarks.jar
 * org.custos.bench.stow.StowBench SERVER_JAR WORKDIR TEMPLATE [instancesPerRun].
 */
public final class StowBench {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BOUNDARY = "custos-bench-stow";

  private StowBench() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path work = Path.of(args[1]);
    Path template = Path.of(args[2]);
    int perRun = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    Path home = work.resolve("home");
    deleteRecursively(home);
    Files.createDirectories(work);
    run(List.of(java(), "-jar", jar.toString(), "init", "--home", home.toString()));
    Process server = new ProcessBuilder(java(), "-Xmx1g", "-jar", jar.toString(), "serve", "--home", home.toString(),
        "--port", "0").redirectErrorStream(true).start();
    try {
      URI base = awaitStart(server);
      String key = run(List.of(java(), "-jar", jar.toString(), "apikey", "create", "--home", home.toString(),
          "--scope", "dicom.write", "--name", "bench")).lines().findFirst().orElseThrow();
      SSLContext tls = pinned(home.resolve("tls/self-signed.crt"));
      DicomFile parsed = DicomReader.read(template, ReadOptions.DEFAULT);
      long templateBytes = Files.size(template);
      System.out.printf(Locale.ROOT, "machine: %d cores, %s; template %s (%d bytes); %d instances per run%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), template.getFileName(),
          templateBytes, perRun);
      send(base, key, tls, fresh(template, parsed, Math.min(perRun, 500)), 2, 10); // warm-up, not reported
      System.out.println("| clients | instances/request | instances/s | MB/s | requests |");
      System.out.println("|---:|---:|---:|---:|---:|");
      for (int clients : new int[] {1, 4}) {
        for (int perRequest : new int[] {1, 10}) {
          List<byte[]> instances = fresh(template, parsed, perRun);
          long bytes = instances.stream().mapToLong(b -> b.length).sum();
          long started = System.nanoTime();
          int requests = send(base, key, tls, instances, clients, perRequest);
          double seconds = (System.nanoTime() - started) / 1e9;
          System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.1f | %d |%n", clients, perRequest,
              instances.size() / seconds, bytes / 1e6 / seconds, requests);
        }
      }
    } finally {
      server.toHandle().destroy();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** Sends every instance, {@code perRequest} per request, from {@code clients} threads; fails on any non-200. */
  static int send(URI base, String key, SSLContext tls, List<byte[]> instances, int clients, int perRequest)
      throws Exception {
    List<List<byte[]>> batches = new ArrayList<>();
    for (int i = 0; i < instances.size(); i += perRequest) {
      batches.add(instances.subList(i, Math.min(instances.size(), i + perRequest)));
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
            .connectTimeout(Duration.ofSeconds(10)).build();
        int sent = 0;
        int index;
        while ((index = next.getAndIncrement()) < batches.size()) {
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/dicom-web/studies"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
              .header("Accept", "application/dicom+json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body(batches.get(index)))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() != 200) {
            throw new IllegalStateException("STOW-RS answered " + response.statusCode() + ": " + response.body());
          }
          sent++;
        }
        return sent;
      }));
    }
    int requests = 0;
    for (Future<Integer> f : done) {
      requests += f.get();
    }
    pool.shutdown();
    return requests;
  }

  static byte[] body(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(part);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** {@code count} copies of the template with fresh Study, Series and SOP Instance UIDs, in memory. */
  static List<byte[]> fresh(Path template, DicomFile parsed, int count) throws IOException {
    List<byte[]> instances = new ArrayList<>(count);
    FileBulkDataSource bulk = FileBulkDataSource.of(template, parsed);
    for (int i = 0; i < count; i++) {
      String sop = uid();
      DataSet dataSet = put(put(put(parsed.dataSet(), Tags.SOPInstanceUID, sop), Tags.StudyInstanceUID, uid()),
          Tags.SeriesInstanceUID, uid());
      FileMeta meta = new FileMeta(parsed.fileMeta().orElseThrow().preamble(),
          put(parsed.fileMeta().orElseThrow().elements(), Tags.MediaStorageSOPInstanceUID, sop), parsed.transferSyntax());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DicomWriter.writeFile(out, meta, dataSet, parsed.transferSyntax(), bulk);
      instances.add(out.toByteArray());
    }
    return instances;
  }

  private static DataSet put(DataSet dataSet, int tag, String uid) {
    DataSet one = DataSet.builder().addText(tag, Vr.UI, uid).build();
    return dataSet.toBuilder().put(one.get(tag).orElseThrow()).build();
  }

  private static String uid() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "2.25." + new BigInteger(1, bytes);
  }

  private static URI awaitStart(Process server) throws IOException {
    Pattern https = Pattern.compile("HTTPS +(https://\\S+)");
    BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    URI base = null;
    String line;
    while ((line = in.readLine()) != null) {
      Matcher m = https.matcher(line);
      if (m.find()) {
        base = URI.create(m.group(1));
      }
      if (line.startsWith("Serving.")) {
        Thread drain = new Thread(() -> {
          try {
            while (in.readLine() != null) {
              // keep the pipe from filling
            }
          } catch (IOException e) {
            // the server stopped
          }
        });
        drain.setDaemon(true);
        drain.start();
        return base;
      }
    }
    throw new IllegalStateException("custos serve ended before it served");
  }

  private static SSLContext pinned(Path certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (var in = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry("custos", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
