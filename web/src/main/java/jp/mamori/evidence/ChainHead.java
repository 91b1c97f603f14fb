package jp.mamori.evidence;

/** The newest link of the chain: reports carry it so an auditor can check them against the ledger later. */
public record ChainHead(long seq, String hash) {
}
