package io.vettify.crm.leads.responses;

import io.restassured.RestAssured;
import io.vettify.crm.testing.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the lead-response tests look at: the SLI at /q/metrics, a lead's settlement and its deadline. */
final class LeadResponseProbe {

    private static final Pattern SERIES = Pattern.compile("^vettify_lead_responses_total\\{([^}]*)} (\\S+)$",
            Pattern.MULTILINE);

    private LeadResponseProbe() {
    }

    /** The counter's value for the tenant and outcome ({@code responded}, {@code missed}); 0 without a series. */
    static double count(String tid, String outcome) {
        Matcher series = SERIES.matcher(RestAssured.get("/q/metrics").asString());
        while (series.find()) {
            String labels = series.group(1);
            if (labels.contains("tid=\"" + tid + "\"") && labels.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(series.group(2));
            }
        }
        return 0;
    }

    /** The lead's status and settlement, whatever its tenant and warehouse (read as the superuser, past RLS). */
    static Map<String, Object> settlement(String leadId) {
        return row("SELECT tid, status, first_response_at, response_outcome FROM crm.leads WHERE id = ?",
                UUID.fromString(leadId));
    }

    /** The lead's pending deadline ({@code due_at}, {@code whid}, seconds after the lead's creation), or an empty map. */
    static Map<String, Object> deadline(String leadId) {
        return row("""
                SELECT d.tid, d.whid, d.due_at, extract(epoch FROM d.due_at - l.created_at) AS sla_seconds
                FROM crm_messaging.lead_response_due d JOIN crm.leads l ON l.tid = d.tid AND l.id = d.lead_id
                WHERE d.lead_id = ?""", UUID.fromString(leadId));
    }

    /** Lets the lead's deadline pass: as if its SLA had elapsed since it was created. */
    static void expireDeadline(String leadId) {
        update("UPDATE crm_messaging.lead_response_due SET due_at = now() - interval '1 second' WHERE lead_id = ?",
                UUID.fromString(leadId));
    }

    static void update(String sql, Object... parameters) {
        try (Connection db = Database.connect("postgres"); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(String sql, Object... parameters) {
        try (Connection db = Database.connect("postgres"); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                }
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
