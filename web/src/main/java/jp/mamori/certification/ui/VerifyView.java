package jp.mamori.certification.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import jp.mamori.certification.CertificateStatus;
import jp.mamori.certification.CertificateVerifier;
import jp.mamori.certification.Certificates;
import jp.mamori.certification.Verification;
import jp.mamori.certification.VerificationResult;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.shared.ui.ClientAddress;
import jp.mamori.shared.ui.LanguageSelect;
import jp.mamori.shared.ui.SingleFileUpload;

/**
 * The public verification page ({@code /verify} and {@code /verify/<code>}, no login): anyone holding a
 * certificate code, or its QR code, sees who holds it, for which exam, its dates and whether it still stands; anyone
 * holding its Open Badges credential file drops it here and learns the same, or why the file is refused.
 */
@Route(value = "verify", autoLayout = false)
@AnonymousAllowed
public class VerifyView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final CertificateVerifier verifier;
    private final TextField code = new TextField();
    private final Div result = new Div();

    public VerifyView(CertificateVerifier verifier, LanguagePreferences languages) {
        this.verifier = verifier;
        addClassName("mamori-login");
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("mamori-brand");
        code.setLabel(getTranslation("verify.code"));
        code.setHelperText(getTranslation("verify.code.helper"));
        code.setMaxLength(60);
        code.setWidthFull();
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("autocomplete", "off");
        code.getElement().setAttribute("spellcheck", "false");
        Button check = new Button(getTranslation("verify.submit"), e -> check(code.getValue()));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(code, check);
        form.setWidthFull();
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setFlexGrow(1, code);
        form.setWrap(true);
        // Screen readers announce each new result without the visitor having to look for it.
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        result.addClassName("mamori-verify-result");
        Upload credential = SingleFileUpload.create(CertificateVerifier.maxCredentialBytes(),
                getTranslation("verify.credential.title"),
                file -> show(verifier.verifyCredential(file.bytes(), file.clientAddress()), "verify.credential.found"),
                ".jwt", ".json", ".txt", "application/vc+jwt", "application/json", "text/plain");
        credential.setWidthFull();
        credential.addFileRejectedListener(e -> {
            result.removeAll();
            result.add(message("verify.credential.TOO_LARGE", "mamori-bad"));
        });
        Div body = new Div(new H2(getTranslation("verify.title")), new Paragraph(getTranslation("verify.intro")), form,
                new H3(getTranslation("verify.credential.title")), new Paragraph(getTranslation("verify.credential.intro")),
                credential, result);
        body.addClassNames("mamori-card", "mamori-verify");
        add(brand, body, new LanguageSelect(languages));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String typed) {
        result.removeAll();
        if (typed != null && !typed.isBlank()) {
            code.setValue(typed.length() > 60 ? typed.substring(0, 60) : typed);
            check(typed);
        }
    }

    private void check(String typed) {
        show(verifier.verify(typed, ClientAddress.current()), "verify.found");
    }

    private void show(VerificationResult answer, String foundKey) {
        result.removeAll();
        Locale locale = getLocale();
        switch (answer) {
            case VerificationResult.Found found -> result.add(found(found.certificate(), foundKey, locale));
            case VerificationResult.NotFound notFound -> result.add(message("verify.not-found", "mamori-bad"));
            case VerificationResult.Rejected rejected -> result.add(message(rejected.problem().labelKey(), "mamori-bad"));
            case VerificationResult.Limited limited -> result.add(new Paragraph(getTranslation("verify.limited",
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(locale)
                            .withZone(Certificates.CERTIFICATE_ZONE).format(limited.retryAt()))));
        }
    }

    private Div found(Verification certificate, String foundKey, Locale locale) {
        Div facts = new Div(
                message(foundKey, certificate.status() == CertificateStatus.VALID ? "mamori-ok" : "mamori-bad"),
                fact("verify.holder", certificate.holderName()),
                fact("verify.exam", certificate.examName(locale)),
                fact("verify.issued", CertificateDates.date(certificate.issuedAt(), locale)),
                fact("verify.expires", CertificateDates.date(certificate.expiresAt(), locale)),
                fact("verify.status", getTranslation(certificate.status().labelKey())));
        if (certificate.status() == CertificateStatus.REVOKED) {
            facts.add(fact("verify.revoked-on", CertificateDates.date(certificate.revokedAt(), locale)));
        }
        facts.addClassName("mamori-verify-facts");
        return facts;
    }

    private Paragraph fact(String labelKey, String value) {
        Paragraph fact = new Paragraph(getTranslation(labelKey) + ": " + value);
        fact.addClassName("mamori-verify-fact");
        return fact;
    }

    private Paragraph message(String key, String className) {
        Paragraph message = new Paragraph(getTranslation(key));
        message.addClassName(className);
        return message;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " | " + getTranslation("app.name");
    }
}
