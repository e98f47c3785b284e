package org.custos.storage.blob.s3;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobInfo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the blobs under the key prefix page by page (ListObjectsV2, up to 1,000 keys per request),
 * fetching the next page only when the stream reaches it, so that failures of a page surface as
 * the port's exceptions. Keys under the prefix that are not exactly a blob id are skipped;
 * deeper "directories" are not walked ({@code /} is the delimiter). Not thread-safe.
 */
final class S3Listing implements Iterator<BlobInfo> {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final String store;
  private Iterator<S3Object> page = Collections.emptyIterator();
  private String continuationToken;
  private boolean lastPage;
  private BlobInfo next;

  private S3Listing(S3Client s3, String bucket, String prefix, String store) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.store = store;
  }

  static Stream<BlobInfo> stream(S3Client s3, String bucket, String prefix, String store) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new S3Listing(s3, bucket, prefix, store),
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
        false);
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (page.hasNext()) {
        next = toInfo(page.next()).orElse(null);
      } else if (lastPage) {
        return false;
      } else {
        fetch();
      }
    }
    return true;
  }

  @Override
  public BlobInfo next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BlobInfo result = next;
    next = null;
    return result;
  }

  private void fetch() {
    ListObjectsV2Response response;
    try {
      response =
          s3.listObjectsV2(
              b -> b.bucket(bucket).prefix(prefix).delimiter("/")
                  .continuationToken(continuationToken));
    } catch (SdkException e) {
      throw S3Failures.storage(store, "ListObjectsV2", e);
    }
    page = response.contents().iterator();
    continuationToken = response.nextContinuationToken();
    lastPage = !Boolean.TRUE.equals(response.isTruncated()) || continuationToken == null;
  }

  private Optional<BlobInfo> toInfo(S3Object object) {
    String key = object.key();
    if (!key.startsWith(prefix)) {
      return Optional.empty();
    }
    String name = key.substring(prefix.length());
    if (!ID.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BlobInfo(new BlobId(name), object.size(), object.lastModified()));
  }
}
