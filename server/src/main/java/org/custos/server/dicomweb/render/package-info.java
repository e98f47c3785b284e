/**
 * Rendered images and thumbnails (PS3.18 8.3.5, 10.4.1.1.5-6): a frame decoded by the codec, passed
 * through the modality rescale and a VOI window (the object's, or the request's {@code window}),
 * MONOCHROME1 inverted, palettes applied, colour converted to RGB, scaled into a viewport and
 * encoded by javax.imageio as JPEG or PNG.
 *
 * <p>What must not live here: decoding (the codec's {@code org.custos.dicom.image}), presentation
 * states, annotations burnt into pixels, and logging of pixel data or attributes.
 */
package org.custos.server.dicomweb.render;
