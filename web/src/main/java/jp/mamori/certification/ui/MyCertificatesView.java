package jp.mamori.certification.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.mamori.certification.Certificate;
import jp.mamori.certification.CertificateStatus;
import jp.mamori.certification.Certificates;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;

/** The candidate's own certificates: status, dates, code, the PDF, and the public page that confirms each one. */
@Route("certificates")
@Menu(title = "certificates.title", order = 23, icon = "FILE_TEXT")
@RolesAllowed(Role.Names.CANDIDATE)
public class MyCertificatesView extends Page {

    private final Certificates certificates;

    public MyCertificatesView(Certificates certificates, Clock clock) {
        this.certificates = certificates;
        heading();
        add(new Paragraph(getTranslation("certificates.intro")));
        List<Certificate> mine = certificates.mine();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("certificates.none")));
            return;
        }
        Div cards = new Div();
        cards.addClassName("mamori-programme");
        Instant now = clock.instant();
        mine.forEach(certificate -> cards.add(card(certificate, certificate.status(now))));
        add(cards);
    }

    private Div card(Certificate certificate, CertificateStatus status) {
        Locale locale = getLocale();
        String name = certificate.examName(locale);
        Paragraph facts = new Paragraph(getTranslation("certificates.facts",
                certificate.score().stripTrailingZeros().toPlainString(),
                CertificateDates.date(certificate.issuedAt(), locale), CertificateDates.date(certificate.expiresAt(), locale)));
        // The code never breaks inside; on a narrow screen it moves below its label as a whole.
        Span shown = new Span(certificate.shownCode());
        shown.addClassName("mamori-code");
        Paragraph code = new Paragraph(new Span(getTranslation("certificates.code") + " "), shown);
        Div card = new Div(new H3(name), new StatusBadge(status), facts, code);
        card.addClassName("mamori-card");
        if (status == CertificateStatus.REVOKED) {
            card.add(new Paragraph(getTranslation("certificates.revoked-on",
                    CertificateDates.date(certificate.revokedAt(), locale), certificate.revokedReason())));
            return card;
        }
        long id = certificate.id();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = certificates.pdf(id);
            return new DownloadResponse(new ByteArrayInputStream(pdf), "mamori-certificate-" + certificate.code() + ".pdf",
                    "application/pdf", pdf.length);
        }), getTranslation("certificates.download"));
        download.getElement().setAttribute("download", true);
        download.getElement().setAttribute("aria-label", getTranslation("certificates.download-of", name));
        Anchor badge = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] jws = certificates.openBadge(id).getBytes(StandardCharsets.US_ASCII);
            return new DownloadResponse(new ByteArrayInputStream(jws), "mamori-badge-" + certificate.code() + ".jwt",
                    "application/vc+jwt", jws.length);
        }), getTranslation("certificates.badge"));
        badge.getElement().setAttribute("download", true);
        badge.getElement().setAttribute("aria-label", getTranslation("certificates.badge-of", name));
        Anchor verify = new Anchor("verify/" + certificate.shownCode(), getTranslation("certificates.verify-link"));
        verify.setTarget("_blank");
        Div links = new Div(download, new Span(" ・ "), badge, new Span(" ・ "), verify);
        card.add(links);
        return card;
    }

    @Override
    protected String titleKey() {
        return "certificates.title";
    }
}
