/**
 * What the DICOMweb harnesses share: a server under test as a process ({@link
 * org.custos.bench.dicomweb.DicomWebServer}; the packaged Custos here, Orthanc in the orthanc
 * package), concurrent java.net.http clients that store (STOW-RS) or fetch (WADO-RS) and time
 * each request, multipart bodies, CPU time of processes and Markdown tables. The clients hold one
 * HTTP/1.1 connection each, so "4 clients" is 4 connections in flight. Nothing here is used by
 * the product.
 */
package org.custos.bench.dicomweb;
