package org.custos.bench.dicomweb;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs numbered requests against a server from a number of client threads, each with its own
 * HTTP client (one connection), taking the next request number as soon as its previous request
 * is answered: a closed loop, so the rate is what the server sustains with that many requests in
 * flight. Times each request and the CPU of both sides; the first failure fails the run.
 */
public final class Clients {
  /** One request: sends it with {@code client} and says what it moved. */
  @FunctionalInterface
  public interface Request {
    Moved send(HttpClient client, int index) throws Exception;
  }

  /** What a request moved: instances and bytes of DICOM. */
  public record Moved(int instances, long bytes) {}

  private Clients() {}

  public static Run run(DicomWebServer server, int clients, int requests, Request request)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    long[] latencies = new long[requests];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long serverCpu = Cpu.nanos(server.pid());
    long clientCpu = Cpu.selfNanos();
    long started = System.nanoTime();
    try {
      List<Future<Moved>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> {
          HttpClient client = server.newClient();
          int instances = 0;
          long bytes = 0;
          int index;
          while ((index = next.getAndIncrement()) < requests) {
            long t0 = System.nanoTime();
            Moved moved = request.send(client, index);
            latencies[index] = System.nanoTime() - t0;
            instances += moved.instances();
            bytes += moved.bytes();
          }
          return new Moved(instances, bytes);
        }));
      }
      int instances = 0;
      long bytes = 0;
      for (Future<Moved> f : done) {
        Moved moved = get(f, next, requests);
        instances += moved.instances();
        bytes += moved.bytes();
      }
      long wall = System.nanoTime() - started;
      return new Run(instances, bytes, requests, wall, latencies, Cpu.selfNanos() - clientCpu,
          Cpu.nanos(server.pid()) - serverCpu);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Moved get(Future<Moved> f, AtomicInteger next, int requests) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      next.set(requests); // the other clients stop after their current request
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }
}
