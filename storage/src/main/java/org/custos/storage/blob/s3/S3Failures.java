package org.custos.storage.blob.s3;

import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;
import org.custos.archive.blob.BlobId;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Maps SDK failures to the port's exceptions: a missing object to {@link NotFoundException},
 * everything else to {@link StorageException} naming the S3 operation, the blob id and the HTTP
 * status and S3 error code. SDK messages carry request ids, never credentials.
 */
final class S3Failures {
  private S3Failures() {}

  static boolean isNotFound(SdkException e) {
    return e instanceof NoSuchKeyException || status(e) == 404;
  }

  /** 412: an {@code If-None-Match: *} write found the key taken (or an If-Match read a change). */
  static boolean isPreconditionFailed(SdkException e) {
    return status(e) == 412;
  }

  /** 409: a conditional write raced with another write or delete of the same key. */
  static boolean isConflict(SdkException e) {
    return status(e) == 409;
  }

  static NotFoundException notFound(String store, BlobId id) {
    return new NotFoundException("blob " + id + " not found in " + store);
  }

  static StorageException storage(String store, String operation, BlobId id, SdkException e) {
    return new StorageException(
        operation + " of blob " + id + " in " + store + " failed" + detail(e), e);
  }

  static StorageException storage(String store, String operation, SdkException e) {
    return new StorageException(operation + " in " + store + " failed" + detail(e), e);
  }

  private static String detail(SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      return " (HTTP " + service.statusCode() + (code == null ? "" : ", " + code) + ")";
    }
    return " (" + e.getClass().getSimpleName() + ")";
  }

  private static int status(SdkException e) {
    return e instanceof AwsServiceException service ? service.statusCode() : -1;
  }
}
