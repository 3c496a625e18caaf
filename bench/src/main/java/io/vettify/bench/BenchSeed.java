package io.vettify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seeds the benchmark database fast with generate_series as the schema owner (never through the API): for each
 * tenant {@code bench-NNN}, accounts with one contact each, opportunities, and leads of which 10 % belong to warehouse
 * wh-1, 10 % to wh-2 and the rest are tenant-wide. The owner is bound by the forced row-level security too, so each
 * tenant (and warehouse) is written under its own {@code app.tid}/{@code app.whid}. Every run starts from empty
 * tables, so its data volume is exactly the one reported.
 */
public final class BenchSeed {

    private static final String[] TABLES = {"crm.leads", "crm.opportunities", "crm.contacts", "crm.accounts"};

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        long started = System.nanoTime();
        try (Connection owner = Database.connect(settings.jdbcUrl(), "vettify_owner", settings.ownerPassword())) {
            try (Statement statement = owner.createStatement()) {
                statement.execute("TRUNCATE crm_messaging.outbox, " + String.join(", ", TABLES) + " CASCADE");
                // Tables added by later migrations may reference these: TRUNCATE ... CASCADE empties them too.
            }
            owner.setAutoCommit(false);
            for (int t = 0; t < settings.tenants(); t++) {
                seedTenant(owner, BenchSettings.tenant(t), settings);
                owner.commit();
                if ((t + 1) % 10 == 0 || t + 1 == settings.tenants()) {
                    System.out.printf("[bench] seeded %d/%d tenants (%.0f s)%n", t + 1, settings.tenants(),
                            (System.nanoTime() - started) / 1e9);
                }
            }
            owner.setAutoCommit(true);
            try (Statement statement = owner.createStatement()) {
                statement.execute("VACUUM ANALYZE crm.leads, crm.accounts, crm.contacts, crm.opportunities");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("tenants", settings.tenants());
        volume.put("warehousesPerTenant", BenchSettings.WAREHOUSES.length);
        volume.put("leads", (long) settings.tenants() * settings.leadsPerTenant());
        volume.put("accounts", (long) settings.tenants() * settings.accountsPerTenant());
        volume.put("contacts", (long) settings.tenants() * settings.accountsPerTenant());
        volume.put("opportunities", (long) settings.tenants() * settings.opportunitiesPerTenant());
        volume.put("seedSeconds", Math.round(seconds));
        try (Connection superuser = Database.connect(settings.jdbcUrl(), "postgres", settings.superuserPassword());
                Statement statement = superuser.createStatement();
                ResultSet size = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            size.next();
            volume.put("databaseSize", size.getString(1));
        }
        Files.createDirectories(settings.outputDir());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(settings.outputDir().resolve("seed.json").toFile(), volume);
        System.out.printf("[bench] seeded %s in %.0f s%n", volume, seconds);
    }

    private static void seedTenant(Connection owner, String tenant, BenchSettings settings) throws SQLException {
        int accounts = settings.accountsPerTenant();
        bind(owner, tenant, null);
        execute(owner, """
                INSERT INTO crm.accounts (id, name, industry, website, created_at, updated_at)
                SELECT md5('account:' || ?1 || ':' || n)::uuid, 'Company ' || n,
                       (ARRAY['Retail', 'Logistics', 'Software', 'Manufacturing', 'Agriculture'])[1 + n % 5],
                       'https://company-' || n || '.example', timestamptz '2025-01-01' + n * interval '1 minute',
                       timestamptz '2025-01-01' + n * interval '1 minute'
                FROM generate_series(1, ?2) n""", tenant, accounts);
        execute(owner, """
                INSERT INTO crm.contacts (id, first_name, last_name, email, account_id, created_at, updated_at)
                SELECT md5('contact:' || ?1 || ':' || n)::uuid, 'Ana', 'Contact ' || n,
                       'contact' || n || '@company-' || n || '.example', md5('account:' || ?1 || ':' || n)::uuid,
                       timestamptz '2025-01-01' + n * interval '1 minute', timestamptz '2025-01-01' + n * interval '1 minute'
                FROM generate_series(1, ?2) n""", tenant, accounts);
        execute(owner, """
                INSERT INTO crm.opportunities (id, name, account_id, contact_id, amount, stage, created_at, updated_at)
                SELECT md5('opportunity:' || ?1 || ':' || n)::uuid, 'Deal ' || n,
                       md5('account:' || ?1 || ':' || (1 + n % ?2))::uuid, md5('contact:' || ?1 || ':' || (1 + n % ?2))::uuid,
                       (n % 500) * 100, (ARRAY['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION'])[1 + n % 4],
                       timestamptz '2025-01-01' + n * interval '1 minute', timestamptz '2025-01-01' + n * interval '1 minute'
                FROM generate_series(1, ?3) n""", tenant, accounts, settings.opportunitiesPerTenant());
        String[] groups = {null, BenchSettings.WAREHOUSES[0], BenchSettings.WAREHOUSES[1]};
        for (int group = 0; group < groups.length; group++) {
            bind(owner, tenant, groups[group]);
            String rows = group == 0 ? "n % 10 >= 2" : "n % 10 = " + (group - 1);
            execute(owner, """
                    INSERT INTO crm.leads (whid, id, first_name, last_name, email, company, source, status, score,
                                           created_at, updated_at)
                    SELECT nullif(current_setting('app.whid'), ''), md5('lead:' || ?1 || ':' || n)::uuid,
                           (ARRAY['Ana', 'Ion', 'Maria', 'Andrei', 'Elena', 'Mihai', 'Ioana', 'Radu', 'Irina', 'Dan'])[1 + n % 10],
                           (ARRAY['Popescu', 'Ionescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe',
                                  'Matei', 'Ciobanu', 'Rusu', 'Munteanu', 'Lazar', 'Florea', 'Dobre', 'Barbu', 'Nistor',
                                  'Cristea', 'Toma'])[1 + (n / 10) % 20],
                           'lead' || n || '@' || ?1 || '.example', 'Company ' || (1 + n % ?2),
                           (ARRAY['WEB', 'IMPORT', 'REFERRAL', 'EVENT', 'SOCIAL', 'OTHER'])[1 + n % 6],
                           (ARRAY['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'NEW'])[1 + (n / 7) % 5], n % 101,
                           timestamptz '2025-06-01' + n * interval '1 second', timestamptz '2025-06-01' + n * interval '1 second'
                    FROM generate_series(1, ?3) n WHERE\s""" + rows, tenant, accounts, settings.leadsPerTenant());
        }
    }

    static void bind(Connection connection, String tenant, String warehouse) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('app.tid', ?, true), set_config('app.whid', ?, true)")) {
            set.setString(1, tenant);
            set.setString(2, warehouse == null ? "" : warehouse);
            set.execute();
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        // JDBC has no numbered parameters: ?1 ?2 ?3 become positional ones in order of appearance.
        StringBuilder jdbc = new StringBuilder();
        java.util.List<Object> values = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d)").matcher(sql);
        while (m.find()) {
            m.appendReplacement(jdbc, "?");
            values.add(parameters[Integer.parseInt(m.group(1)) - 1]);
        }
        m.appendTail(jdbc);
        try (PreparedStatement statement = connection.prepareStatement(jdbc.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            statement.executeUpdate();
        }
    }
}
