/**
 * The web server (Javalin 7 on Jetty 12): HTTPS with a configured or generated certificate,
 * optional plain HTTP on loopback only, security and CORS headers on every response, graceful
 * shutdown, health and readiness, and routes as data ({@link org.custos.server.http.Route}): each
 * route says whether it is anonymous (only {@code /healthz}, {@code /readyz} and the public log
 * under {@code /log/v1/}) or which {@link org.custos.server.auth.Action} it performs, and the
 * server authenticates and asks the access policy before the handler runs. Failures become
 * status codes and JSON bodies in one place ({@link org.custos.server.http.HttpErrors}).
 *
 * <p>Nothing here knows DICOM: DICOMweb routes live in {@code org.custos.server.dicomweb}.
 */
package org.custos.server.http;
