/** Views of the ledger and the audit log, and the record list other modules' views embed. */
@org.springframework.modulith.NamedInterface("ui")
package jp.mamori.evidence.ui;
