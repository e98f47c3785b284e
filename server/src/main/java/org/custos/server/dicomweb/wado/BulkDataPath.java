package org.custos.server.dicomweb.wado;

import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.Tag;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.ResourceNotFoundException;

/**
 * The element a bulk data URL names: the path the metadata's BulkDataURI carries, a tag as eight
 * hex digits, preceded for an element inside a sequence by the sequence's tag and the 0-based item
 * index ({@code 00540016/0/00181072}), as {@code org.custos.dicom.json.BulkSite} writes it.
 */
final class BulkDataPath {
  private BulkDataPath() {}

  /**
   * @throws InvalidRequestException when the path is malformed
   * @throws ResourceNotFoundException when no element is at the path
   */
  static DicomElement find(DataSet root, String path) {
    String[] segments = path.split("/", -1);
    if (segments.length % 2 == 0) {
      throw new InvalidRequestException("bulkdata", "a bulk data path is TAG or TAG/ITEM/TAG..., tags as 8 hex digits");
    }
    DataSet dataSet = root;
    for (int i = 0; ; i += 2) {
      int tag = tag(segments[i]);
      DicomElement element = dataSet.get(tag).orElseThrow(() -> new ResourceNotFoundException("no such element"));
      if (i == segments.length - 1) {
        return element;
      }
      List<DataSet> items = dataSet.getItems(tag);
      int item = index(segments[i + 1]);
      if (item >= items.size()) {
        throw new ResourceNotFoundException("no such sequence item");
      }
      dataSet = items.get(item);
    }
  }

  private static int tag(String segment) {
    if (!segment.matches("[0-9A-Fa-f]{8}")) {
      throw new InvalidRequestException("bulkdata", "'" + segment + "' is not a tag (8 hex digits)");
    }
    return Tag.parse(segment);
  }

  private static int index(String segment) {
    if (!segment.matches("\\d{1,9}")) {
      throw new InvalidRequestException("bulkdata", "'" + segment + "' is not an item index");
    }
    return Integer.parseInt(segment);
  }
}
