package org.custos.server.dicomweb.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.custos.archive.Archive;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.query.InstanceBytes;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.image.ImageException;
import org.custos.dicom.image.PixelDescription;
import org.custos.server.dicomweb.DicomWebResponse;
import org.custos.server.dicomweb.InstanceContent;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.MediaType;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourceNotFoundException;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.StoredInstance;
import org.custos.server.dicomweb.StoredInstances;

/**
 * Rendered and thumbnail resources (PS3.18 10.4.1.1.5, 10.4.1.1.6), transport-free: one frame of
 * an instance (the first, unless the path names one) rendered by {@link FrameRenderer}, cropped and
 * scaled into the viewport, encoded as {@code image/jpeg} (the default) or {@code image/png}. A
 * thumbnail fits a {@value #THUMBNAIL_BOX_PIXELS}-pixel box unless {@code viewport} says otherwise,
 * and is never enlarged; for a study or series it shows the middle instance that has pixel data.
 *
 * <p>Errors: 400 for parameters, 404 for the path or a frame number beyond Number of Frames, 406
 * for an Accept header without JPEG or PNG and for instances that cannot be rendered (no pixel data,
 * a transfer syntax the codec cannot decode, a segmented palette). The read is recorded
 * ({@link ReadAction#RENDER}) after the image is made and before it is returned. Thread-safe.
 */
public final class RenderService {
  public static final int THUMBNAIL_BOX_PIXELS = 128;
  private static final int THUMBNAIL_CANDIDATES = 5;

  private final Archive archive;
  private final StoredInstances resolver;
  private final InstanceBytes bytes;

  public RenderService(Archive archive) {
    this.archive = Objects.requireNonNull(archive, "archive");
    this.resolver = new StoredInstances(archive);
    this.bytes = new InstanceBytes(archive.context(), archive.retriever());
  }

  /**
   * {@code .../instances/{i}/rendered} and {@code .../frames/{n}/rendered}.
   *
   * @param frameNumber the 1-based frame of the path, empty for the instance (its first frame)
   */
  public DicomWebResponse rendered(ResourcePath instancePath, OptionalInt frameNumber,
      Map<String, List<String>> parameters, String accept, Access access) {
    if (instancePath.level() != ResourcePath.Level.INSTANCE) {
      throw new InvalidRequestException("path", "rendered studies and series are not supported; render an instance");
    }
    RenderParameters render = RenderParameters.parse(parameters);
    String mediaType = negotiate(accept);
    StoredInstance instance = resolver.resolve(instancePath).get(0);
    BufferedImage image = image(instance, frameNumber, render);
    if (render.viewport().isPresent()) {
      RenderParameters.Viewport viewport = render.viewport().get();
      if (viewport.region().isPresent()) {
        image = ImageEncoder.crop(image, viewport.region().get());
      }
      image = ImageEncoder.fit(image, viewport.width(), viewport.height(), true);
    }
    return respond(instancePath, image, mediaType, render.quality(), access);
  }

  /**
   * {@code /thumbnail} of a study, series, instance or frame.
   *
   * @param frameNumber the 1-based frame of the path, empty otherwise
   */
  public DicomWebResponse thumbnail(ResourcePath path, OptionalInt frameNumber, Map<String, List<String>> parameters,
      String accept, Access access) {
    RenderParameters render = RenderParameters.parse(parameters);
    if (render.viewport().flatMap(RenderParameters.Viewport::region).isPresent()) {
      throw new InvalidRequestException("viewport", "a thumbnail takes vw,vh only");
    }
    String mediaType = negotiate(accept);
    List<StoredInstance> instances = resolver.resolve(path);
    BufferedImage image = null;
    NotAcceptableException last = null;
    for (StoredInstance instance : middleFirst(instances)) {
      try {
        image = image(instance, frameNumber, render);
        break;
      } catch (NotAcceptableException e) {
        if (path.level() == ResourcePath.Level.INSTANCE) {
          throw e;
        }
        last = e;
      }
    }
    if (image == null) {
      throw last != null ? last : new NotAcceptableException("nothing in this resource can be rendered");
    }
    int box = THUMBNAIL_BOX_PIXELS;
    int width = render.viewport().map(RenderParameters.Viewport::width).orElse(box);
    int height = render.viewport().map(RenderParameters.Viewport::height).orElse(box);
    return respond(path, ImageEncoder.fit(image, width, height, false), mediaType, render.quality(), access);
  }

  private DicomWebResponse respond(ResourcePath path, BufferedImage image, String mediaType, int quality,
      Access access) {
    byte[] encoded = ImageEncoder.encode(image, mediaType, quality);
    archive.recordRead(access, ReadAction.RENDER, path.studyUid());
    return new DicomWebResponse(mediaType, OptionalLong.of(encoded.length), out -> out.write(encoded));
  }

  private BufferedImage image(StoredInstance instance, OptionalInt frameNumber, RenderParameters render) {
    InstanceContent content = InstanceContent.open(bytes, instance);
    if (!content.file().dataSet().contains(Tags.PixelData)) {
      throw new NotAcceptableException("the instance has no pixel data to render");
    }
    int frames;
    try {
      frames = PixelDescription.of(content.file().dataSet()).numberOfFrames();
    } catch (ImageException e) {
      throw new NotAcceptableException("the instance's pixel data cannot be rendered: " + e.getMessage());
    }
    int frame = frameNumber.orElse(1);
    if (frame < 1) {
      throw new InvalidRequestException("frames", "frame numbers start at 1");
    }
    if (frame > frames) {
      throw new ResourceNotFoundException("the instance has " + frames + " frame(s), no frame " + frame);
    }
    try {
      return FrameRenderer.render(content, frame - 1, render.window());
    } catch (ImageException e) {
      throw new NotAcceptableException("the frame cannot be rendered: " + e.getMessage());
    }
  }

  /** JPEG unless PNG is preferred (PS3.18 8.7.3.2: image/jpeg is the default rendered type). */
  static String negotiate(String accept) {
    for (MediaType range : MediaType.parseAccept(accept)) {
      if (range.essence().equals(ImageEncoder.PNG)) {
        return ImageEncoder.PNG;
      }
      if (range.includes(ImageEncoder.JPEG)) {
        return ImageEncoder.JPEG;
      }
    }
    throw new NotAcceptableException("rendered images are image/jpeg or image/png");
  }

  /** The middle instance first, then its neighbours outwards, at most {@value #THUMBNAIL_CANDIDATES}. */
  private static List<StoredInstance> middleFirst(List<StoredInstance> instances) {
    int middle = instances.size() / 2;
    List<StoredInstance> order = new ArrayList<>();
    for (int distance = 0; order.size() < Math.min(instances.size(), THUMBNAIL_CANDIDATES); distance++) {
      if (middle - distance >= 0 && distance > 0) {
        order.add(instances.get(middle - distance));
      }
      if (middle + distance < instances.size() && order.size() < THUMBNAIL_CANDIDATES) {
        order.add(instances.get(middle + distance));
      }
    }
    return order;
  }
}
