package org.custos.bench.dicomweb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * A DICOMweb server under test, started by the harness and stopped by {@link #close}. Requests
 * made with {@link #request} carry whatever credential the server wants; each client thread makes
 * its own {@link #newClient} so that it holds its own connection.
 */
public interface DicomWebServer extends AutoCloseable {
  /** The product's name as printed in tables, e.g. "Custos". */
  String name();

  /** The DICOMweb root without a trailing slash, e.g. {@code https://127.0.0.1:8443/dicom-web}. */
  URI root();

  /** A new HTTP/1.1 client that trusts the server's certificate, if it has one. */
  HttpClient newClient();

  /** A request for {@code root() + pathAndQuery} with the server's credential, if any. */
  HttpRequest.Builder request(String pathAndQuery);

  /** The server's process id, for its CPU time. */
  long pid();

  @Override
  void close();
}
