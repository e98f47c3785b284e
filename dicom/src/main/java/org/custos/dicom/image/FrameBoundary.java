package org.custos.dicom.image;

/** How the extent of a frame was determined; see {@link FrameLocator}. */
public enum FrameBoundary {
  /** Native pixel data: frame i starts at i x the frame size (PS3.5 8.1.1). */
  NATIVE,
  /** Encapsulated, one frame: every fragment belongs to it (PS3.5 A.4). */
  SINGLE_FRAME,
  /** Extended Offset Table (7FE0,0001) (PS3.5 A.4, PS3.3 C.7.6.3.1.8). */
  EXTENDED_OFFSET_TABLE,
  /** The Basic Offset Table, the first item of the encapsulated pixel data (PS3.5 A.4). */
  BASIC_OFFSET_TABLE,
  /** As many fragments as frames, so each fragment is one frame. */
  FRAGMENT_PER_FRAME,
  /** A fragment starting with a JPEG SOI or JPEG 2000 SOC marker starts a frame. */
  START_MARKER
}
