package io.vettify.crm.leads.imports;

import io.vettify.crm.leads.Lead;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where an import meets the stored leads. */
interface ImportSink {

    /** Which of these emails (lower case) existing leads already have, compared case-insensitively. */
    Set<String> existingEmails(Collection<String> lowerCaseEmails);

    /** Inserts new leads (ids, scores and defaults set); returns how many rows were inserted. */
    int insert(List<Lead> leads);
}
