package org.custos.archive;

/** No such instance, study, patient or blob (or it was shredded). */
public class NotFoundException extends ArchiveException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
