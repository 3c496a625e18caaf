package io.vettify.crm.demo;

import io.quarkus.runtime.StartupEvent;
import io.vettify.crm.accounts.Account;
import io.vettify.crm.campaigns.Audience;
import io.vettify.crm.campaigns.Campaign;
import io.vettify.crm.common.CrmEntity;
import io.vettify.crm.common.consent.ConsentSource;
import io.vettify.crm.common.consent.MarketingConsent;
import io.vettify.crm.common.validation.FiscalCodes;
import io.vettify.crm.contacts.Contact;
import io.vettify.crm.leads.Lead;
import io.vettify.crm.leads.LeadSource;
import io.vettify.crm.leads.LeadStatus;
import io.vettify.crm.opportunities.Opportunity;
import io.vettify.crm.opportunities.Stage;
import io.vettify.crm.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo data for local runs (dev profile only): tenant {@code demo} with 10 accounts, 30 contacts, 40 leads,
 * 5 opportunities and 2 campaigns, and a few rows of tenant {@code globex} so isolation can be seen. Accounts,
 * contacts and opportunities are spread over warehouses {@code cluj}, {@code iasi} and tenant-wide; leads and
 * campaigns are tenant-wide, so a tenant-wide token sees all 40 leads. Every name is invented, every email is at
 * an {@code .example} domain. Ids are derived from the row's position, so loading twice adds nothing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** When the demo people gave consent: fixed, so a reseeded demo is the same demo. */
    private static final Instant SEEDED_AT = Instant.parse("2026-01-15T09:00:00Z");
    private static final String[] WAREHOUSES = {null, "cluj", "iasi"};
    private static final String[] COMPANIES = {"Carpathia Logistics", "Dunărea Foods", "Someș Software",
        "Bega Textiles", "Mureș Energy Services", "Olt Agro", "Prut Medical", "Siret Construct", "Argeș Auto Parts",
        "Tisa Digital Media"};
    private static final String[] INDUSTRIES = {"logistics", "food", "software", "textiles", "energy", "agriculture",
        "healthcare", "construction", "automotive", "media"};
    private static final String[] FIRST_NAMES = {"Ana", "Mihai", "Ioana", "Andrei", "Elena", "Radu", "Maria",
        "Vlad", "Irina", "Tudor", "Oana", "Sorin", "Dana", "Cristian", "Bianca"};
    private static final String[] LAST_NAMES = {"Popescu", "Ionescu", "Dumitru", "Stan", "Marin", "Tudose",
        "Georgescu", "Matei", "Ilie", "Constantin", "Barbu", "Lungu", "Neagu"};

    private final TenantScope tenantScope;
    private final EntityManager entityManager;
    private final boolean enabled;

    public DemoData(TenantScope tenantScope, EntityManager entityManager,
            @ConfigProperty(name = "vettify.demo.seed", defaultValue = "false") boolean enabled) {
        this.tenantScope = tenantScope;
        this.entityManager = entityManager;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    /** Inserts the demo rows that are missing; returns how many it inserted. */
    public int load() {
        int inserted = 0;
        for (String whid : WAREHOUSES) {
            int[] count = {0};
            tenantScope.inTransaction("demo", whid, () -> count[0] = demoRows(whid).stream().mapToInt(this::insertIfMissing).sum());
            inserted += count[0];
        }
        int[] globex = {0};
        tenantScope.inTransaction("globex", null, () -> globex[0] = globexRows().stream().mapToInt(this::insertIfMissing).sum());
        inserted += globex[0];
        LOG.infof("demo data: %d rows inserted (tenants demo and globex)", inserted);
        return inserted;
    }

    private int insertIfMissing(CrmEntity row) {
        if (entityManager.find(row.getClass(), row.id) != null) {
            return 0;
        }
        entityManager.persist(row);
        return 1;
    }

    /** The rows of tenant demo that belong to one warehouse (null: tenant-wide). */
    private static List<CrmEntity> demoRows(String whid) {
        List<CrmEntity> rows = new ArrayList<>();
        for (int a = 0; a < COMPANIES.length; a++) {
            if (!Objects.equals(whid, warehouseOf(a))) {
                continue;
            }
            Account account = new Account();
            account.id = id("demo", "account", a);
            account.name = COMPANIES[a] + " SRL";
            account.cui = FiscalCodes.withCheckDigit(String.valueOf(4_100_000 + a * 7_919));
            account.industry = INDUSTRIES[a];
            account.website = "https://" + slug(COMPANIES[a]) + ".example";
            account.phone = "+40 700 000 " + (100 + a);
            account.whid = whid;
            rows.add(account);
            for (int c = 0; c < 3; c++) {
                int n = a * 3 + c;
                Contact contact = new Contact();
                contact.id = id("demo", "contact", n);
                contact.firstName = FIRST_NAMES[n % FIRST_NAMES.length];
                contact.lastName = LAST_NAMES[(n * 7) % LAST_NAMES.length];
                contact.email = (contact.firstName + "." + contact.lastName).toLowerCase() + "@" + slug(COMPANIES[a]) + ".example";
                contact.title = new String[] {"CEO", "Head of Sales", "Procurement Manager"}[c];
                contact.accountId = account.id;
                if (n % 2 == 0) {
                    contact.consent(new MarketingConsent(true, ConsentSource.WEB_FORM, SEEDED_AT));
                }
                contact.whid = whid;
                rows.add(contact);
            }
            if (a < 5) {
                Opportunity opportunity = new Opportunity();
                opportunity.id = id("demo", "opportunity", a);
                opportunity.name = COMPANIES[a] + " – annual contract";
                opportunity.accountId = account.id;
                opportunity.contactId = id("demo", "contact", a * 3);
                opportunity.amount = BigDecimal.valueOf(15_000L * (a + 1));
                opportunity.stage = Stage.values()[a];
                opportunity.expectedCloseDate = LocalDate.of(2027, 1 + a, 15);
                opportunity.whid = whid;
                rows.add(opportunity);
            }
        }
        if (whid == null) {
            rows.addAll(demoLeads());
            rows.addAll(demoCampaigns());
        }
        return rows;
    }

    private static List<CrmEntity> demoLeads() {
        List<CrmEntity> leads = new ArrayList<>();
        LeadStatus[] statuses = {LeadStatus.NEW, LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED,
            LeadStatus.DISQUALIFIED};
        for (int l = 0; l < 40; l++) {
            Lead lead = new Lead();
            lead.id = id("demo", "lead", l);
            lead.firstName = FIRST_NAMES[(l * 5) % FIRST_NAMES.length];
            lead.lastName = LAST_NAMES[(l * 3) % LAST_NAMES.length];
            String company = "Prospect " + (char) ('A' + l % 26) + (l / 26 + 1) + " SRL";
            lead.company = company;
            lead.email = (lead.firstName + "." + lead.lastName + l).toLowerCase() + "@" + slug(company) + ".example";
            lead.cui = l % 3 == 0 ? FiscalCodes.withCheckDigit(String.valueOf(5_200_000 + l * 613)) : null;
            lead.source = LeadSource.values()[l % LeadSource.values().length];
            lead.status = statuses[l % statuses.length];
            lead.score = Math.min(100, 20 + (l * 37) % 80);
            if (l % 2 == 0) {
                lead.consent(new MarketingConsent(true, ConsentSource.WEB_FORM, SEEDED_AT));
            }
            leads.add(lead);
        }
        return leads;
    }

    private static List<CrmEntity> demoCampaigns() {
        Campaign spring = new Campaign();
        spring.id = id("demo", "campaign", 0);
        spring.name = "Spring product update";
        spring.subject = "What is new this spring";
        spring.bodyHtml = "<h1>Spring update</h1><p>Three new features for your team.</p>";
        spring.audience = new Audience(List.of(LeadStatus.NEW, LeadStatus.CONTACTED), List.of(), true);
        Campaign webinar = new Campaign();
        webinar.id = id("demo", "campaign", 1);
        webinar.name = "Webinar invitation";
        webinar.subject = "Join our pipeline webinar";
        webinar.bodyHtml = "<p>Join us for a 30-minute webinar on <b>pipeline hygiene</b>.</p>";
        webinar.audience = new Audience(List.of(LeadStatus.QUALIFIED), List.of(LeadSource.EVENT, LeadSource.WEB), false);
        return List.of(spring, webinar);
    }

    private static List<CrmEntity> globexRows() {
        List<CrmEntity> rows = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            Account account = new Account();
            account.id = id("globex", "account", a);
            account.name = new String[] {"Globex Holding SRL", "Globex Retail SRL"}[a];
            account.industry = "retail";
            rows.add(account);
        }
        for (int c = 0; c < 3; c++) {
            Contact contact = new Contact();
            contact.id = id("globex", "contact", c);
            contact.firstName = FIRST_NAMES[c + 10];
            contact.lastName = LAST_NAMES[c + 9];
            contact.email = contact.firstName.toLowerCase() + "@globex.example";
            contact.accountId = id("globex", "account", c % 2);
            rows.add(contact);
        }
        for (int l = 0; l < 4; l++) {
            Lead lead = new Lead();
            lead.id = id("globex", "lead", l);
            lead.firstName = FIRST_NAMES[l];
            lead.lastName = LAST_NAMES[l + 4];
            lead.email = "lead" + l + "@globex-prospect.example";
            lead.source = LeadSource.WEB;
            lead.score = 25 + l * 10;
            rows.add(lead);
        }
        Opportunity opportunity = new Opportunity();
        opportunity.id = id("globex", "opportunity", 0);
        opportunity.name = "Globex store roll-out";
        opportunity.accountId = id("globex", "account", 0);
        opportunity.amount = BigDecimal.valueOf(48_000);
        rows.add(opportunity);
        return rows;
    }

    private static String warehouseOf(int accountIndex) {
        return WAREHOUSES[accountIndex % WAREHOUSES.length];
    }

    static UUID id(String tenant, String kind, int index) {
        return UUID.nameUUIDFromBytes((tenant + ":" + kind + ":" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static String slug(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
