package org.custos.verifier;

import org.custos.ledger.receipt.ConsistencyAnswer;
import org.custos.ledger.receipt.SuccessorsAnswer;
import org.custos.ledger.receipt.SuccessorsQuery;

/**
 * Where the live log answers the three questions a receipt holder may ask (docs/formats/receipt.md,
 * "Log queries"). Implementations: {@link HttpLogSource} ({@code /log/v1/…}) and
 * {@link CommandLogSource} ({@code custos log …} on a local instance folder). Answers are
 * untrusted: the caller verifies everything. Methods throw {@link LogUnreachableException} when
 * the log cannot be asked and {@link LogAnswerException} when it answers badly.
 */
interface LogSource {
  /** The current signed checkpoint note. */
  String checkpoint();

  ConsistencyAnswer consistency(long fromSize, long toSize);

  SuccessorsAnswer successors(SuccessorsQuery query);

  /**
   * Hands the log a checkpoint note carrying a witness cosignature; returns the log's
   * acknowledgement. A refusal is a {@link LogAnswerException} naming why.
   */
  String cosign(String cosignedNote);

  /** Where the answers come from, for the report (a URL or a folder). */
  String describe();
}
