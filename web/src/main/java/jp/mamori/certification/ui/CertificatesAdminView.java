package jp.mamori.certification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import jp.mamori.certification.Certificate;
import jp.mamori.certification.CertificateCode;
import jp.mamori.certification.CertificateStatus;
import jp.mamori.certification.Certificates;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.ui.Page;

/**
 * Every certificate, filterable by name, code, exam and status. The training administrator revokes one here,
 * with a reason; the privacy officer and auditors read the same list without the revoke action.
 */
@Route("admin/certificates")
@Menu(title = "certificates.admin.title", order = 16, icon = "DIPLOMA")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.PRIVACY_OFFICER, Role.Names.AUDITOR})
public class CertificatesAdminView extends Page {

    private final Certificates certificates;
    private final Clock clock;
    private final boolean mayRevoke;
    private final Grid<Certificate> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Select<CertificateStatus> status = new Select<>();
    private ListDataProvider<Certificate> data;

    public CertificatesAdminView(Certificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
        this.mayRevoke = CurrentPrincipal.get().map(p -> p.roles().contains(Role.TRAINING_ADMIN)).orElse(false);
        heading();
        if (!mayRevoke) {
            Paragraph readOnly = new Paragraph(getTranslation("certificates.admin.read-only"));
            readOnly.addClassName("mamori-muted");
            add(readOnly);
        }
        filter.setPlaceholder(getTranslation("certificates.admin.filter"));
        filter.setAriaLabel(getTranslation("certificates.admin.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setMinWidth("12rem");
        filter.addValueChangeListener(e -> applyFilter());
        status.setAriaLabel(getTranslation("certificates.admin.status-filter"));
        status.setPlaceholder(getTranslation("certificates.admin.all"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("certificates.admin.all"));
        status.setItems(CertificateStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("certificates.admin.all") : getTranslation(s.labelKey()));
        status.addValueChangeListener(e -> applyFilter());
        HorizontalLayout tools = new HorizontalLayout(filter, status);
        tools.setWidthFull();
        tools.setWrap(true);
        tools.setFlexGrow(1, filter);
        add(tools, grid);
        configureGrid();
        refresh();
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Certificate::holderName).setHeader(getTranslation("certificates.admin.holder")).setSortable(true)
                .setComparator(Comparator.comparing(Certificate::holderName)).setAutoWidth(true).setFrozen(true);
        grid.addColumn(c -> c.examName(locale)).setHeader(getTranslation("certificates.admin.exam")).setSortable(true)
                .setComparator(Comparator.comparing(c -> c.examName(locale))).setWidth("10rem");
        grid.addColumn(c -> c.score().stripTrailingZeros().toPlainString()).setHeader(getTranslation("certificates.admin.score"))
                .setSortable(true).setComparator(Comparator.comparing(Certificate::score)).setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(c -> CertificateDates.shortDate(c.issuedAt(), locale) + " – " + CertificateDates.shortDate(c.expiresAt(), locale))
                .setHeader(getTranslation("certificates.admin.period")).setSortable(true)
                .setComparator(Comparator.comparing(Certificate::issuedAt)).setWidth("8.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::code).setHeader(getTranslation("certificates.admin.code")).setWidth("16rem").setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader(getTranslation("certificates.admin.status")).setSortable(true)
                .setComparator(Comparator.comparing(c -> c.status(clock.instant()))).setWidth("9rem");
        if (mayRevoke) {
            grid.addComponentColumn(this::revokeButton).setHeader(getTranslation("certificates.admin.actions"))
                    .setWidth("5rem").setFlexGrow(0);
        }
    }

    private Span code(Certificate certificate) {
        Span code = new Span(certificate.shownCode());
        code.addClassName("mamori-code");
        return code;
    }

    /** The status badge; a revoked certificate also shows when and why. */
    private Div status(Certificate certificate) {
        CertificateStatus now = certificate.status(clock.instant());
        Div status = new Div(new StatusBadge(now));
        if (now == CertificateStatus.REVOKED) {
            Div why = new Div(CertificateDates.shortDate(certificate.revokedAt(), getLocale()) + ": " + certificate.revokedReason());
            why.addClassName("mamori-muted");
            status.add(why);
        }
        return status;
    }

    private Button revokeButton(Certificate certificate) {
        Button revoke = new Button(VaadinIcon.BAN.create(), e -> new RevokeDialog(certificate, certificates, this::refresh).open());
        revoke.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setTooltipText(getTranslation("certificates.admin.revoke"));
        revoke.setAriaLabel(getTranslation("certificates.admin.revoke-of", certificate.holderName()));
        revoke.setEnabled(certificate.revokedAt() == null);
        return revoke;
    }

    private void refresh() {
        data = new ListDataProvider<>(certificates.all());
        grid.setDataProvider(data);
        applyFilter();
    }

    private void applyFilter() {
        String needle = filter.getValue().strip().toLowerCase(Locale.ROOT);
        // A code matches however it was typed: with or without dashes, in any case.
        String codeNeedle = needle.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        CertificateStatus wanted = status.getValue();
        data.setFilter(certificate -> (wanted == null || certificate.status(clock.instant()) == wanted)
                && (needle.isEmpty()
                || (certificate.holderName() + " " + certificate.examNameJa() + " " + certificate.examNameEn() + " "
                        + certificate.examId()).toLowerCase(Locale.ROOT).contains(needle)
                || (!codeNeedle.isEmpty() && certificate.code().contains(codeNeedle))
                || CertificateCode.normalise(needle).filter(certificate.code()::equals).isPresent()));
    }

    @Override
    protected String titleKey() {
        return "certificates.admin.title";
    }
}
