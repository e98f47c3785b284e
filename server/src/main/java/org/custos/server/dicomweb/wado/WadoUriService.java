package org.custos.server.dicomweb.wado;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.custos.archive.access.Access;
import org.custos.server.dicomweb.DicomWebResponse;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.MediaType;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.render.RenderService;

/**
 * WADO-URI (PS3.18 9, {@code ?requestType=WADO&studyUID=&seriesUID=&objectUID=}) for older viewers,
 * answered by the WADO-RS and rendering services: {@code contentType=application/dicom} (with
 * optional {@code transferSyntax}) retrieves the instance as one PS3.10 body; {@code image/jpeg}
 * (the default) and {@code image/png} render it, with {@code frameNumber}, {@code rows},
 * {@code columns}, {@code windowCenter}/{@code windowWidth} and {@code imageQuality}. {@code anonymize},
 * {@code annotation}, {@code region} and presentation states are 400s; {@code charset} is ignored.
 * Records reads like the services it calls. Thread-safe.
 */
public final class WadoUriService {
  private static final String DICOM = "application/dicom";

  private final WadoService wado;
  private final RenderService render;

  public WadoUriService(WadoService wado, RenderService render) {
    this.wado = Objects.requireNonNull(wado, "wado");
    this.render = Objects.requireNonNull(render, "render");
  }

  public DicomWebResponse retrieve(Map<String, List<String>> parameters, Access access) {
    Map<String, String> p = new LinkedHashMap<>();
    parameters.forEach((name, values) -> {
      if (values.size() != 1) {
        throw new InvalidRequestException(name, "give it exactly once");
      }
      p.put(name, values.get(0).strip());
    });
    if (!"WADO".equals(p.get("requestType"))) {
      throw new InvalidRequestException("requestType", "must be WADO");
    }
    for (String unsupported : List.of("anonymize", "annotation", "region", "presentationUID",
        "presentationSeriesUID")) {
      if (p.containsKey(unsupported)) {
        throw new InvalidRequestException(unsupported, "is not supported by this server");
      }
    }
    ResourcePath path = ResourcePath.instance(required(p, "studyUID"), required(p, "seriesUID"),
        required(p, "objectUID"));
    String contentType = contentType(p.getOrDefault("contentType", "image/jpeg"));
    if (contentType.equals(DICOM)) {
      String accept = DICOM + Optional.ofNullable(p.get("transferSyntax")).map(ts -> "; transfer-syntax=" + ts).orElse("");
      return wado.retrieve(path, accept, access);
    }
    if (p.containsKey("transferSyntax")) {
      throw new InvalidRequestException("transferSyntax", "applies to contentType=application/dicom only");
    }
    Map<String, List<String>> renderParameters = new LinkedHashMap<>();
    if (p.containsKey("windowCenter") != p.containsKey("windowWidth")) {
      throw new InvalidRequestException(p.containsKey("windowCenter") ? "windowWidth" : "windowCenter",
          "windowCenter and windowWidth go together");
    }
    if (p.containsKey("windowCenter")) {
      renderParameters.put("window", List.of(p.get("windowCenter") + "," + p.get("windowWidth") + ",linear"));
    }
    if (p.containsKey("rows") || p.containsKey("columns")) {
      renderParameters.put("viewport", List.of(p.getOrDefault("columns", "65535") + "," + p.getOrDefault("rows", "65535")));
    }
    if (p.containsKey("imageQuality")) {
      renderParameters.put("quality", List.of(p.get("imageQuality")));
    }
    OptionalInt frame = OptionalInt.empty();
    if (p.containsKey("frameNumber")) {
      try {
        frame = OptionalInt.of(Integer.parseInt(p.get("frameNumber")));
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("frameNumber", "must be a frame number from 1");
      }
    }
    return render.rendered(path, frame, renderParameters, contentType, access);
  }

  private static String required(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException(name, "is required");
    }
    return value;
  }

  /** The first supported type of the list (PS3.18 9.1.2.2.1 allows several, best first). */
  private static String contentType(String list) {
    List<MediaType> types;
    try {
      types = MediaType.parseAccept(list);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException("contentType", "is a comma-separated list of media types");
    } catch (NotAcceptableException e) {
      types = List.of(); // every type has q=0: none is supported
    }
    for (MediaType type : types) {
      String essence = type.essence().toLowerCase(Locale.ROOT);
      if (essence.equals(DICOM) || essence.equals("image/jpeg") || essence.equals("image/png")) {
        return essence;
      }
      if (type.includes("image/jpeg")) {
        return "image/jpeg";
      }
    }
    throw new NotAcceptableException("contentType may be application/dicom, image/jpeg or image/png");
  }
}
