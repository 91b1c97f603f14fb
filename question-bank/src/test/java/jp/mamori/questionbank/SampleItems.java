package jp.mamori.questionbank;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Items that use everything the bank format offers: both languages, reasons, every type and status, awkward text. */
final class SampleItems {

    static final Path COMPETENCY_BANK = Path.of("src/main/resources/banks/competency");

    private SampleItems() {
    }

    static List<Item> bilingual() {
        Item single = new Item("pms-101", 3, "pms", 1, ItemType.SINGLE,
                new LocalizedText("監査で大切なのは <独立性> & \"客観性\"?", "What matters in an audit: <independence> & \"objectivity\"?"),
                List.of(new ItemOption("a", new LocalizedText("独立性", "Independence"), new LocalizedText("正しい。", "Right.")),
                        new ItemOption("b", new LocalizedText("速さ", "Speed"), new LocalizedText("速さは目的ではない。", "Speed is not the aim.")),
                        new ItemOption("c", LocalizedText.of("安さ"), LocalizedText.of("費用の問題ではない。"))),
                Set.of("a"), new LocalizedText("監査は客観的でなければならない。\n二行目。", "An audit must be objective.\nSecond line."),
                "JIS Q 15001:2023 9.2", LocalDate.of(2026, 11, 23), ItemStatus.ACTIVE, false, "", "pms.yaml", 2);
        Item multiple = new Item("1-records", 1, "appi-duties", 3, ItemType.MULTIPLE,
                new LocalizedText("記録として残すものをすべて選べ。", "Choose every record to keep."),
                List.of(new ItemOption("1", new LocalizedText("教育記録", "Training records"), null),
                        new ItemOption("2", new LocalizedText("点検記録", "Inspection records"), null),
                        new ItemOption("3", LocalizedText.of("日記"), new LocalizedText("私的な記録である。", "A private note.")),
                        new ItemOption("4", LocalizedText.of("噂話"), new LocalizedText("記録ではない。", "Not a record."))),
                Set.of("1", "2"), LocalizedText.of("運用の記録は点検の根拠になる。"), "seed 002", LocalDate.of(2026, 10, 1),
                ItemStatus.RETIRED, false, "", "appi.yaml", 20);
        Item trueFalse = new Item("incidents-7", 2, "incidents", 2, ItemType.TRUE_FALSE,
                new LocalizedText("漏えいは本人に通知する。", "Data subjects are told of a breach."), List.of(), Set.of("true"),
                new LocalizedText("法第26条第2項。", "Article 26(2)."), "個人情報保護法 第26条", LocalDate.of(2026, 11, 1),
                ItemStatus.ACTIVE, false, "", "incidents.yaml", 40);
        Item draft = new Item("draft-1", 1, "pms", 2, ItemType.SINGLE, LocalizedText.of("下書きの問題"),
                List.of(new ItemOption("a", LocalizedText.of("一"), null), new ItemOption("b", LocalizedText.of("二"), null),
                        new ItemOption("c", LocalizedText.of("三"), null)),
                Set.of("b"), LocalizedText.of(""), "", LocalDate.of(2026, 11, 2), ItemStatus.DRAFT, false, "", "pms.yaml", 60);
        return List.of(single, multiple, trueFalse, draft);
    }
}
