package org.custos.server.dicomweb.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custos.server.dicomweb.InvalidRequestException;

/**
 * The query parameters of a rendered or thumbnail request (PS3.18 8.3.5.1): {@code window}
 * (centre, width, function: {@code linear}, {@code linear-exact}, {@code sigmoid}),
 * {@code viewport} ({@code vw,vh} or {@code vw,vh,sx,sy,sw,sh}), {@code quality} (1-100, JPEG).
 * {@code iccprofile}, {@code charset} and {@code accept} are accepted and ignored (output is sRGB or
 * grey); {@code annotation} and anything else is a 400 naming the parameter.
 */
record RenderParameters(Optional<Window> window, Optional<Viewport> viewport, int quality) {
  static final int DEFAULT_QUALITY = 90;

  /** The output box and, optionally, the source region (PS3.18 8.3.5.1.3). */
  record Viewport(int width, int height, Optional<int[]> region) {}

  static RenderParameters parse(Map<String, List<String>> parameters) {
    Optional<Window> window = Optional.empty();
    Optional<Viewport> viewport = Optional.empty();
    int quality = DEFAULT_QUALITY;
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      String name = entry.getKey();
      if (entry.getValue().size() != 1) {
        throw new InvalidRequestException(name, "give it exactly once");
      }
      String value = entry.getValue().get(0).strip();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "window" -> window = Optional.of(window(name, value));
        case "viewport" -> viewport = Optional.of(viewport(name, value));
        case "quality" -> quality = integer(name, value, 1, 100);
        case "iccprofile", "charset", "accept" -> {
          // Output is always sRGB or grey; text is not rendered.
        }
        case "annotation" -> throw new InvalidRequestException(name, "annotations are not rendered");
        default -> throw new InvalidRequestException(name, "not a parameter of rendered resources");
      }
    }
    return new RenderParameters(window, viewport, quality);
  }

  static Window window(String name, String value) {
    String[] parts = value.split(",");
    if (parts.length < 2 || parts.length > 3) {
      throw new InvalidRequestException(name, "is center,width,function (function linear, linear-exact or sigmoid)");
    }
    Window.Function function = Window.Function.LINEAR;
    if (parts.length == 3) {
      function = switch (parts[2].strip().toLowerCase(Locale.ROOT)) {
        case "linear" -> Window.Function.LINEAR;
        case "linear-exact" -> Window.Function.LINEAR_EXACT;
        case "sigmoid" -> Window.Function.SIGMOID;
        default -> throw new InvalidRequestException(name, "function is linear, linear-exact or sigmoid");
      };
    }
    try {
      return new Window(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()), function);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(name, "needs a numeric centre and a width of at least 1");
    }
  }

  private static Viewport viewport(String name, String value) {
    String[] parts = value.split(",");
    if (parts.length != 2 && parts.length != 6) {
      throw new InvalidRequestException(name, "is vw,vh or vw,vh,sx,sy,sw,sh");
    }
    int width = integer(name, parts[0], 1, 65535);
    int height = integer(name, parts[1], 1, 65535);
    if (parts.length == 2) {
      return new Viewport(width, height, Optional.empty());
    }
    int[] region = new int[4];
    for (int i = 0; i < 4; i++) {
      region[i] = integer(name, parts[i + 2], i < 2 ? 0 : 1, 65535);
    }
    return new Viewport(width, height, Optional.of(region));
  }

  private static int integer(String name, String text, int min, int max) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(name, "needs whole numbers in " + min + ".." + max);
  }
}
