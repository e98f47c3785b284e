package org.custos.server.dicomweb.render;

/**
 * A VOI window (PS3.3 C.11.2.1.2): centre, width and function, mapping modality values to the
 * 0..255 output range. Validated: LINEAR needs a width of at least 1, the others a positive width.
 */
record Window(double center, double width, Function function) {
  enum Function {
    /** PS3.3 C.11.2.1.2.1. */
    LINEAR,
    /** PS3.3 C.11.2.1.3.2. */
    LINEAR_EXACT,
    /** PS3.3 C.11.2.1.3.1. */
    SIGMOID
  }

  Window {
    if (!Double.isFinite(center) || !Double.isFinite(width) || width <= 0 || function == Function.LINEAR && width < 1) {
      throw new IllegalArgumentException("a window needs a finite centre and a width of at least 1 (LINEAR) or above 0");
    }
  }

  /** The output value 0..255 of a modality value. */
  int apply(double x) {
    double y = switch (function) {
      case LINEAR -> {
        double low = center - 0.5 - (width - 1) / 2;
        double high = center - 0.5 + (width - 1) / 2;
        if (x <= low) {
          yield 0;
        }
        if (x > high) {
          yield 255;
        }
        yield ((x - (center - 0.5)) / (width - 1) + 0.5) * 255;
      }
      case LINEAR_EXACT -> ((x - center) / width + 0.5) * 255;
      case SIGMOID -> 255 / (1 + Math.exp(-4 * (x - center) / width));
    };
    return (int) Math.round(Math.max(0, Math.min(255, y)));
  }
}
