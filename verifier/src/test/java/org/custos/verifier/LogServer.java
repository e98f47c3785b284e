package org.custos.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.custos.ledger.receipt.SuccessorsQuery;

/**
 * The log's HTTP routes on a JDK {@link HttpServer} at port 0, answering from {@link Answers}
 * (by default a {@link FakeLog} at its current size), and recording the requests it saw.
 */
final class LogServer implements AutoCloseable {
  /** What the server answers; each method returns the body, or throws {@link Status} for an error status. */
  interface Answers {
    String checkpoint();

    String consistency(long from, long to);

    String successors(SuccessorsQuery query);
  }

  static final class Status extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    Status(int code) {
      super("HTTP " + code);
      this.code = code;
    }
  }

  static Answers of(FakeLog log) {
    return new Answers() {
      @Override
      public String checkpoint() {
        return log.checkpoint(log.size());
      }

      @Override
      public String consistency(long from, long to) {
        return log.consistencyJson(from, to);
      }

      @Override
      public String successors(SuccessorsQuery query) {
        return log.successorsJson(query.entryHash(), query.size());
      }
    };
  }

  final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  LogServer(Answers answers) throws IOException {
    this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), answers);
  }

  LogServer(SSLContext tls, Answers answers) throws IOException {
    this(https(tls), answers);
  }

  private static HttpServer https(SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return server;
  }

  private LogServer(HttpServer server, Answers answers) {
    this.server = server;
    server.createContext("/log/v1/", exchange -> handle(exchange, answers));
    server.start();
  }

  String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange, Answers answers) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " " + body);
    int status = 200;
    String answer;
    try {
      answer = switch (exchange.getRequestMethod() + " " + path) {
        case "GET /log/v1/checkpoint" -> answers.checkpoint();
        case "GET /log/v1/consistency" -> answers.consistency(param(query, "from"), param(query, "to"));
        case "POST /log/v1/successors" -> answers.successors(SuccessorsQuery.parse(body));
        default -> throw new Status(404);
      };
    } catch (Status e) {
      status = e.code;
      answer = "error";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static long param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return Long.parseLong(pair.substring(name.length() + 1));
      }
    }
    throw new Status(400);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
