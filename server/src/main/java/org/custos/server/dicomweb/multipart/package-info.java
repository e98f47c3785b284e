/**
 * A streaming reader of {@code multipart/related} bodies (RFC 2046 5.1, RFC 2387): the boundary
 * from the Content-Type, each part's headers, and each part's body as an {@link java.io.InputStream}
 * that ends at the next delimiter. Nothing here buffers a request or a part: memory is one read
 * buffer plus the part headers, whatever the body's size. Errors are {@link
 * org.custos.server.dicomweb.multipart.MultipartException}s naming the byte offset and what was
 * wrong, never a byte of the content. Knows nothing of DICOM or HTTP.
 */
package org.custos.server.dicomweb.multipart;
