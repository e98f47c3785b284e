package org.custos.server.dicomweb.wado;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.custos.archive.Archive;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.query.InstanceBytes;
import org.custos.dicom.DicomElement;
import org.custos.dicom.NumericValues;
import org.custos.dicom.TransferSyntax;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebResponse;
import org.custos.server.dicomweb.DicomWebUrls;
import org.custos.server.dicomweb.InstanceContent;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.MediaType;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourceNotFoundException;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.StoredInstance;
import org.custos.server.dicomweb.StoredInstances;
import org.custos.server.dicomweb.StoredMetadata;

/**
 * WADO-RS, transport-free (PS3.18 10.4): retrieve, metadata, bulk data and frames of a resource
 * path, negotiated against the client's Accept header. Each method resolves the path (404),
 * negotiates (406) and validates (400) first, then records the read with
 * {@link Archive#recordRead} (once, for the path's study), and only then returns a
 * {@link DicomWebResponse} whose body streams the data; if recording fails, nothing is returned.
 *
 * <p>Integrity: whole instances stream through the seal-checked reader (a mismatch ends the
 * transfer with an {@code IntegrityFailureException}, see {@link DicomWebResponse}); frames, bulk
 * data and transcoding read authenticated segments. Metadata never reads a blob. Thread-safe.
 */
public final class WadoService {
  static final String JSON = "application/dicom+json";

  private final Archive archive;
  private final DicomWebUrls urls;
  private final StoredInstances resolver;
  private final InstanceBytes bytes;

  public WadoService(Archive archive, DicomWebUrls urls) {
    this.archive = Objects.requireNonNull(archive, "archive");
    this.urls = Objects.requireNonNull(urls, "urls");
    this.resolver = new StoredInstances(archive);
    this.bytes = new InstanceBytes(archive.context(), archive.retriever());
  }

  /**
   * The instances of a study, series or instance (PS3.18 10.4.1.1.1): {@code multipart/related;
   * type="application/dicom"}, or a single {@code application/dicom} body when asked for one
   * instance. See {@link RetrievePlan} for transfer syntaxes.
   */
  public DicomWebResponse retrieve(ResourcePath path, String accept, Access access) {
    List<StoredInstance> instances = resolver.resolve(path);
    RetrievePlan plan = RetrievePlan.negotiate(MediaType.parseAccept(accept), instances);
    archive.recordRead(access, ReadAction.RETRIEVE, path.studyUid());
    InstanceWriter writer = new InstanceWriter(bytes);
    if (!plan.multipart()) {
      StoredInstance instance = instances.get(0);
      String syntax = plan.transcodes(instance) ? RetrievePlan.EXPLICIT_LE : instance.row().transferSyntaxUid();
      return new DicomWebResponse(RetrievePlan.DICOM + "; transfer-syntax=" + syntax, OptionalLong.empty(),
          out -> write(writer, plan, instance, headers -> out));
    }
    String boundary = MultipartWriter.newBoundary();
    return new DicomWebResponse(MultipartWriter.contentType(RetrievePlan.DICOM, boundary), OptionalLong.empty(), out -> {
      MultipartWriter multipart = new MultipartWriter(out, boundary);
      for (StoredInstance instance : instances) {
        write(writer, plan, instance, multipart::part);
      }
      multipart.finish();
    });
  }

  private static void write(InstanceWriter writer, RetrievePlan plan, StoredInstance instance,
      InstanceWriter.Target target) throws IOException {
    if (plan.transcodes(instance)) {
      writer.transcoded(instance, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, target);
    } else {
      writer.asStored(instance, target);
    }
  }

  /**
   * The metadata of a study, series or instance (PS3.18 10.4.1.1.2): a DICOM JSON array with one
   * object per instance, answered from the sealed metadata in the index without reading any blob;
   * BulkDataURIs point at {@link DicomWebUrls#bulkData}.
   */
  public DicomWebResponse metadata(ResourcePath path, String accept, Access access) {
    requireJson(accept);
    List<StoredMetadata> metadata = resolver.metadata(path);
    archive.recordRead(access, ReadAction.METADATA, path.studyUid());
    return new DicomWebResponse(JSON, OptionalLong.empty(), out -> MetadataWriter.writeArray(out, metadata, urls));
  }

  static void requireJson(String accept) {
    for (MediaType range : MediaType.parseAccept(accept)) {
      if (range.includes(JSON) || range.includes("application/json")) {
        return;
      }
    }
    throw new NotAcceptableException("metadata is available as " + JSON + " only (DICOM XML is not supported)");
  }

  /**
   * One bulk data element of an instance (PS3.18 10.4.1.1.3), by the path its BulkDataURI names:
   * {@code multipart/related; type="application/octet-stream"} with one part, or a single
   * {@code application/octet-stream} body; values little endian. Encapsulated Pixel Data is sent
   * frame by frame, as {@link #frames} sends all frames.
   */
  public DicomWebResponse bulkData(ResourcePath instancePath, String bulkDataPath, String accept, Access access) {
    StoredInstance instance = single(instancePath);
    InstanceContent content = InstanceContent.open(bytes, instance);
    DicomElement element = BulkDataPath.find(content.file().dataSet(), bulkDataPath);
    if (element.tag() == Tags.PixelData && element.value() instanceof Value.Fragments) {
      FrameBytes frames = FrameBytes.of(content);
      int[] all = IntStream.range(0, frames.frameCount()).toArray();
      return framesResponse(instancePath, frames, all, accept, access);
    }
    if (element.value() instanceof Value.Sequence || element.value() instanceof Value.Fragments) {
      throw new ResourceNotFoundException("the element at that path is not bulk data");
    }
    boolean multipart = false;
    boolean met = false;
    for (MediaType range : MediaType.parseAccept(accept)) {
      if (range.isWildcard() || range.isMultipartRelated()
          && range.partType().map(t -> t.includes(PixelMediaTypes.OCTET_STREAM)).orElse(true)) {
        multipart = true;
        met = true;
        break;
      }
      if (range.includes(PixelMediaTypes.OCTET_STREAM)) {
        met = true;
        break;
      }
    }
    if (!met) {
      throw new NotAcceptableException("bulk data is sent as " + PixelMediaTypes.OCTET_STREAM
          + ", in a multipart/related body or alone");
    }
    archive.recordRead(access, ReadAction.RENDER, instancePath.studyUid());
    String partType = PixelMediaTypes.OCTET_STREAM + "; transfer-syntax=" + RetrievePlan.EXPLICIT_LE;
    if (!multipart) {
      return new DicomWebResponse(partType, OptionalLong.of(element.valueLength()),
          out -> writeValue(content, element, out));
    }
    String boundary = MultipartWriter.newBoundary();
    return new DicomWebResponse(MultipartWriter.contentType(PixelMediaTypes.OCTET_STREAM, boundary),
        OptionalLong.empty(), out -> {
          MultipartWriter writer = new MultipartWriter(out, boundary);
          writeValue(content, element, writer.part(partHeaders(partType, element.valueLength())));
          writer.finish();
        });
  }

  /** A leaf value, little endian: in memory already; bulk values swapped from a big endian source. */
  private static void writeValue(InstanceContent content, DicomElement element, OutputStream out) throws IOException {
    if (element.value() instanceof Value.Bytes value) {
      value.writeTo(out);
      return;
    }
    Value.Bulk bulk = (Value.Bulk) element.value();
    int unit = bulk.ref().bigEndian() ? NumericValues.swapUnit(element.vr()) : 1;
    try (InputStream in = content.bulk().open(bulk.ref())) {
      byte[] buffer = new byte[64 * 1024];
      int filled = 0;
      for (int n; (n = in.read(buffer, filled, buffer.length - filled)) >= 0; ) {
        filled += n;
        int whole = filled - filled % unit;
        if (unit > 1) {
          NumericValues.swap(buffer, 0, whole, unit);
        }
        out.write(buffer, 0, whole);
        System.arraycopy(buffer, whole, buffer, 0, filled - whole);
        filled -= whole;
      }
      out.write(buffer, 0, filled);
    }
  }

  /**
   * Frames of an instance (PS3.18 10.4.1.1.4), {@code frameList} as in the path ("1,2,5"): one part
   * per frame in the order asked, typed and encoded as {@link FramePlan} decides.
   */
  public DicomWebResponse frames(ResourcePath instancePath, String frameList, String accept, Access access) {
    StoredInstance instance = single(instancePath);
    FrameBytes frames = FrameBytes.of(InstanceContent.open(bytes, instance));
    return framesResponse(instancePath, frames, frames.frameIndexes(frameList), accept, access);
  }

  private DicomWebResponse framesResponse(ResourcePath path, FrameBytes frames, int[] indexes, String accept,
      Access access) {
    FramePlan plan = FramePlan.negotiate(MediaType.parseAccept(accept), frames.storedSyntax(), frames.decodable(),
        indexes.length);
    archive.recordRead(access, ReadAction.RENDER, path.studyUid());
    if (!plan.multipart()) {
      return new DicomWebResponse(plan.partContentType(), OptionalLong.empty(),
          out -> out.write(frames.frame(indexes[0], plan.decode())));
    }
    String boundary = MultipartWriter.newBoundary();
    String partType = plan.partContentType().split(";")[0];
    return new DicomWebResponse(MultipartWriter.contentType(partType, boundary), OptionalLong.empty(), out -> {
      MultipartWriter writer = new MultipartWriter(out, boundary);
      for (int index : indexes) {
        byte[] frame = frames.frame(index, plan.decode());
        writer.part(partHeaders(plan.partContentType(), frame.length)).write(frame);
      }
      writer.finish();
    });
  }

  private static Map<String, String> partHeaders(String contentType, long length) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Content-Length", Long.toString(length));
    return headers;
  }

  private StoredInstance single(ResourcePath path) {
    if (path.level() != ResourcePath.Level.INSTANCE) {
      throw new InvalidRequestException("path", "bulk data and frames belong to an instance");
    }
    return resolver.resolve(path).get(0);
  }
}
