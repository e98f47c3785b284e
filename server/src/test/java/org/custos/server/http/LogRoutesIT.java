package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.archive.access.Access;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.ProofVerifier;
import org.custos.ledger.SignedNote;
import org.custos.ledger.json.Json;
import org.custos.ledger.receipt.ConsistencyAnswer;
import org.custos.ledger.receipt.ReceiptCodec;
import org.custos.ledger.receipt.ReceiptEntry;
import org.custos.ledger.receipt.SignedReceipt;
import org.custos.ledger.receipt.SuccessorsAnswer;
import org.custos.ledger.receipt.SuccessorsQuery;
import org.custos.verifier.WitnessCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public log under /log/v1/ on the packaged server, anonymously: every body parses with the
 * verifier's codecs and its proofs verify against checkpoints fetched over HTTPS; bad parameters
 * are 400s naming the parameter, unknown hashes 404s; the standalone custos-verify.jar checks a
 * receipt against the server; a witness cosigns over HTTPS and the checkpoint then carries it.
 */
@EnabledIfSystemProperty(named = "custos.packaged", matches = "true", disabledReason = "runs the packaged jar: mvn verify")
class LogRoutesIT {
  @TempDir
  static Path dir;
  static RunningServer server;
  static String writer;
  static String witnessKey;
  static String logKey;
  static String fingerprint;

  @BeforeAll
  static void start() throws Exception {
    witnessKey = witness("init", "--state", dir.resolve("witness").toString(), "--name", "witness.test").output.strip();
    server = RunningServer.start(RunningServer.newHome(dir, "log.witnesses=" + witnessKey));
    writer = server.apiKey(Set.of("dicom.write"), Optional.empty());
    logKey = server.withArchive(archive -> archive.log().verifierKey().verifierKey());
    fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(server.certificate.getEncoded()));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void checkpoint_isTheSignedNoteAsText_andNeedsNoCredential() throws Exception {
    store(1);
    HttpResponse<String> response = get("/log/v1/checkpoint");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.header(response, "Content-Type")).startsWith("text/plain").contains("utf-8");
    SignedNote note = SignedNote.parse(response.body());
    assertThat(note.verifiedBy(org.custos.ledger.NoteKey.parse(logKey))).isTrue();
    assertThat(Checkpoint.parse(note.text()).size()).isPositive();
  }

  @Test
  void consistencyProof_verifiesBetweenTwoCheckpointsFetchedOverHttp() throws Exception {
    store(1);
    Checkpoint first = checkpoint();
    store(2);
    Checkpoint second = checkpoint();
    assertThat(second.size()).isGreaterThan(first.size());
    HttpResponse<String> response = get("/log/v1/consistency?from=" + first.size() + "&to=" + second.size());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.header(response, "Content-Type")).startsWith("application/json");
    ConsistencyAnswer answer = ConsistencyAnswer.parse(response.body());
    assertThat(answer.proof().firstSize()).isEqualTo(first.size());
    assertThat(ProofVerifier.verifyConsistency(answer.proof(), first.rootHash(), second.rootHash())).isTrue();
  }

  @Test
  void inclusionAndSuccessors_answerForAReceiptsEntries() throws Exception {
    String patient = store(2).get(0);
    SignedReceipt receipt = ReceiptCodec.parse(receiptJson(patient));
    List<ReceiptEntry> entries = receipt.receipt().entries();
    assertThat(entries).hasSizeGreaterThan(1);
    ReceiptEntry first = entries.get(0);
    Checkpoint now = checkpoint();

    String leaf = Base64.getUrlEncoder().withoutPadding().encodeToString(first.leafHash());
    HttpResponse<String> inclusion = get("/log/v1/inclusion?leaf=" + leaf + "&size=" + now.size());
    assertThat(inclusion.statusCode()).as(inclusion.body()).isEqualTo(200);
    assertThat(Http.json(inclusion).get("index").asLong()).isEqualTo(first.index());
    List<byte[]> path = new ArrayList<>();
    Http.json(inclusion).get("proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
    assertThat(ProofVerifier.verifyInclusion(first.leafHash(),
        new org.custos.ledger.InclusionProof(first.index(), now.size(), path), now.rootHash())).isTrue();
    String standard = Base64.getEncoder().encodeToString(first.leafHash()).replace("+", "%2B").replace("/", "%2F");
    assertThat(get("/log/v1/inclusion?leaf=" + standard + "&size=" + now.size()).statusCode())
        .as("plain base64 works too").isEqualTo(200);

    HttpResponse<String> successors = post("/log/v1/successors", new SuccessorsQuery(first.entryHash(), now.size())
        .toJson());
    assertThat(successors.statusCode()).as(successors.body()).isEqualTo(200);
    SuccessorsAnswer answer = SuccessorsAnswer.parse(successors.body());
    assertThat(answer.size()).isEqualTo(now.size());
    assertThat(answer.entries()).extracting(ReceiptEntry::index).contains(entries.get(1).index());
    for (ReceiptEntry later : answer.entries()) {
      assertThat(ProofVerifier.verifyInclusion(later.leafHash(), later.inclusionProof(now.size()), now.rootHash()))
          .isTrue();
    }
  }

  @Test
  void badParameters_are400sNamingTheParameter() throws Exception {
    store(1);
    long size = checkpoint().size();
    assertBad(get("/log/v1/consistency?to=1"), "from");
    assertBad(get("/log/v1/consistency?from=-1&to=1"), "from");
    assertBad(get("/log/v1/consistency?from=x&to=1"), "from");
    assertBad(get("/log/v1/consistency?from=2&to=1"), "from");
    assertBad(get("/log/v1/consistency?from=1&to=" + (size + 1000)), "to");
    assertBad(get("/log/v1/inclusion?leaf=%21%21%21&size=1"), "leaf");
    assertBad(get("/log/v1/inclusion?size=1"), "leaf");
    assertBad(get("/log/v1/inclusion?leaf=AAAA&size=nope"), "size");
    assertBad(post("/log/v1/successors", "{\"entryHash\":\"AAAA\"}"), "");
    assertBad(post("/log/v1/successors", "not json"), "");
    String zero = Base64.getEncoder().encodeToString(new byte[32]);
    assertBad(post("/log/v1/successors", "{\"entryHash\":\"" + zero + "\",\"size\":" + (size + 1000) + "}"), "size");
    HttpResponse<String> garbage = post("/log/v1/cosignature", "not a note");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(Http.json(garbage).get("error").asText()).isEqualTo("cosignature-rejected");
    assertThat(post("/log/v1/cosignature", "x".repeat(LogRoutes.MAX_BODY_BYTES + 1)).statusCode()).isEqualTo(413);
  }

  @Test
  void unknownHashes_are404s() throws Exception {
    store(1);
    long size = checkpoint().size();
    String zero = Base64.getUrlEncoder().encodeToString(new byte[32]);
    HttpResponse<String> inclusion = get("/log/v1/inclusion?leaf=" + zero + "&size=" + size);
    assertThat(inclusion.statusCode()).isEqualTo(404);
    assertThat(Http.json(inclusion).get("error").asText()).isEqualTo("not-found");
    assertThat(post("/log/v1/successors", new SuccessorsQuery(new byte[32], size).toJson()).statusCode()).isEqualTo(404);
  }

  @Test
  void cosignatureOfAnUnconfiguredWitness_isRefusedNamingWhy() throws Exception {
    store(1);
    Path other = dir.resolve("other-witness");
    witness("init", "--state", other.toString(), "--name", "stranger.test");
    Run run = witness("run", "--once", "--state", other.toString(), "--log-key", logKey, "--log",
        server.https + "/", "--insecure-fingerprint", fingerprint);
    assertThat(run.exit).as(run.output + run.errors).isNotZero();
    assertThat(run.errors).contains("400");
    HttpResponse<String> direct = post("/log/v1/cosignature", get("/log/v1/checkpoint").body());
    assertThat(direct.statusCode()).isEqualTo(400);
    assertThat(Http.json(direct).get("detail").asText()).contains("no cosignature of a configured witness");
  }

  @Test
  void receipt_verifiesAgainstTheServer_withTheStandaloneVerifier() throws Exception {
    String patient = store(2).get(0);
    Path receipt = dir.resolve("receipt-" + System.nanoTime() + ".json");
    Files.writeString(receipt, receiptJson(patient));
    store(1); // the log grows after the receipt: the verifier proves consistency over HTTPS
    Path jar = Path.of("..", "verifier", "target", "custos-verify.jar");
    assertThat(jar).as("the verifier module's jar (built before this module)").isRegularFile();
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), receipt.toString(), "--log-key", logKey, "--against", server.https + "/",
        "--insecure-fingerprint", fingerprint).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).contains("unchanged since");
  }

  @Test
  void witness_cosignsOverHttps_andTheCheckpointCarriesItsLine() throws Exception {
    store(1);
    Run run = witness("run", "--once", "--state", dir.resolve("witness").toString(), "--log-key", logKey, "--log",
        server.https + "/", "--insecure-fingerprint", fingerprint);
    assertThat(run.exit).as(run.output + run.errors).isZero();
    assertThat(run.output).contains("cosigned:");
    String checkpoint = get("/log/v1/checkpoint").body();
    assertThat(checkpoint).contains("— witness.test ");
    assertThat(SignedNote.parse(checkpoint).signatures()).hasSizeGreaterThanOrEqualTo(2);
  }

  /** STOWs {@code count} fresh instances of one patient; returns the internal patient id, then the SOP UIDs. */
  static List<String> store(int count) throws Exception {
    List<String> sops = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Corpus.Fresh fresh = Corpus.fresh();
      HttpResponse<String> response = server.stow(writer, Stow.body(fresh.bytes()));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      sops.add(fresh.sop());
    }
    List<String> out = new ArrayList<>();
    out.add(server.versions(sops.get(0)).get(0).patientId());
    out.addAll(sops);
    return out;
  }

  static String receiptJson(String patient) {
    Map<String, Object> receipt = server.withArchive(archive -> archive.receipt(patient, new Access("test", "receipt")));
    return Json.write(receipt, true);
  }

  static Checkpoint checkpoint() throws Exception {
    return Checkpoint.parse(SignedNote.parse(get("/log/v1/checkpoint").body()).text());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return server.client.send(HttpRequest.newBuilder(server.url(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return server.client.send(HttpRequest.newBuilder(server.url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertBad(HttpResponse<String> response, String parameter) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("bad-parameter");
    assertThat(Http.json(response).get("detail").asText()).startsWith(parameter);
  }

  record Run(int exit, String output, String errors) {}

  static Run witness(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = WitnessCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
