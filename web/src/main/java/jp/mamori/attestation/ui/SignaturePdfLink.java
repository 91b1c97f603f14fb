package jp.mamori.attestation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import jp.mamori.attestation.DeclarationPdf;
import jp.mamori.attestation.Signature;

/** A download link for the PDF of one signature, rendered when clicked (the service checks who may have it). */
final class SignaturePdfLink {

    private SignaturePdfLink() {
    }

    static Anchor of(DeclarationPdf pdf, Signature signature, String text, Locale locale) {
        long id = signature.id();
        String name = "mamori-declaration-" + signature.declarationId() + "-" + signature.fiscalYear() + "-r" + signature.revision() + ".pdf";
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = pdf.render(id, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, "application/pdf", bytes.length);
        }), text);
        link.getElement().setAttribute("download", true);
        return link;
    }
}
