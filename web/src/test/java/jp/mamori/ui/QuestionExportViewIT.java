package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.mamori.exam.BankFile;
import jp.mamori.exam.BankFormat;
import jp.mamori.exam.ItemBankTransfers;
import jp.mamori.exam.ui.QuestionExportView;
import jp.mamori.identity.TestUsers;
import jp.mamori.questionbank.ContentPackage;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The training administrator's question import and export page. */
class QuestionExportViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;
    @Autowired
    ItemBankTransfers transfers;

    @Test
    void the_bank_is_offered_as_qti_3_0_qti_2_1_and_moodle_xml_downloads() {
        users.loginAs("export-view@example.jp", Role.TRAINING_ADMIN);

        navigate(QuestionExportView.class);

        assertThat($view(Anchor.class).all()).extracting(Anchor::getText)
                .containsExactly("QTI 3.0(zip)", "QTI 2.1(zip)", "Moodle XML");
        assertThat($view(Anchor.class).all()).allMatch(a -> a.getElement().hasAttribute("download"));
        assertThat($view(Paragraph.class).withText("書き出すファイルには正答が含まれます。ダウンロードは監査ログに記録されます。").all()).hasSize(1);
    }

    @Test
    void an_uploaded_package_is_previewed_with_its_items_and_the_yaml_to_add() {
        users.loginAs("export-view-preview@example.jp", Role.TRAINING_ADMIN);
        BankFile qti = transfers.export("competency", BankFormat.QTI_30);
        navigate(QuestionExportView.class);

        test($view(Upload.class).single()).upload(qti.fileName(), qti.mimeType(), qti.content());

        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("mamori-competency-qti30.zip から")
                && p.getText().contains("mamori-competency-qti30.yaml を問題バンクのフォルダーに加えると"));
        assertThat($view(Grid.class).single().getListDataView().getItemCount()).isPositive();
        assertThat($view(Anchor.class).withText("mamori-competency-qti30.yaml をダウンロード").all()).hasSize(1);
    }

    @Test
    void a_package_with_an_unsupported_interaction_lists_the_problem_and_offers_no_yaml() {
        users.loginAs("export-view-bad@example.jp", Role.TRAINING_ADMIN);
        byte[] zip = ContentPackage.zip(Map.of("imsmanifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M">
                  <resources>
                    <resource identifier="R1" type="imsqti_item_xmlv2p1" href="essay.xml"/>
                  </resources>
                </manifest>
                """, "essay.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="essay" title="e" adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"/>
                  <itemBody>
                    <extendedTextInteraction responseIdentifier="RESPONSE"/>
                  </itemBody>
                </assessmentItem>
                """));
        navigate(QuestionExportView.class);

        test($view(Upload.class).single()).upload("essay.zip", "application/zip", zip);

        assertThat($view(Paragraph.class).withText("essay.zip には 1 件の問題があります。問題があるあいだは、何も取り込まれません。").all()).hasSize(1);
        assertThat($view(ListItem.class).all()).extracting(ListItem::getText)
                .contains("essay.xml:5: essay: extendedTextInteraction questions are not supported");
        assertThat($view(Anchor.class).all()).noneMatch(a -> a.getText().endsWith(".yaml をダウンロード"));
        TestUsers.logout();
    }

    @Test
    void texts_are_in_english_for_an_english_reader() {
        users.loginAs("export-view-en@example.jp", Role.TRAINING_ADMIN);
        speak(java.util.Locale.ENGLISH);

        navigate(QuestionExportView.class);

        assertThat($view(Paragraph.class).withText("The files contain the answer keys. Each download is recorded in the audit log.").all())
                .hasSize(1);
    }
}
