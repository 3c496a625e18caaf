package io.vettify.crm.summaries;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vettify.crm.workers.JobView;
import io.vettify.crm.workers.WorkerClient;
import io.vettify.crm.workers.WorkerJobs;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Summaries of a lead's or an opportunity's notes by {@code ai.summary}: the request is a job (answered 202 with the
 * job); the summary is the job's result, read at {@code GET /v1/crm/jobs/{id}}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Summaries {

    /** One piece of text to summarise, with when it was written if known. */
    public record Note(Instant at, String text) {
    }

    private final WorkerClient workers;
    private final WorkerJobs jobs;
    private final ObjectMapper mapper;

    public Summaries(WorkerClient workers, WorkerJobs jobs, ObjectMapper mapper) {
        this.workers = workers;
        this.jobs = jobs;
        this.mapper = mapper;
    }

    /**
     * @param subjectType {@code lead} or {@code opportunity}
     * @param known what the CRM knows of the subject (facts, timeline), before the caller's notes
     */
    public JobView request(String subjectType, UUID subjectId, String title, List<Note> known, SummaryRequest body) {
        ObjectNode request = mapper.createObjectNode().put("subjectType", subjectType).put("title", title);
        if (body != null && body.maxSentences() != null) {
            request.put("maxSentences", body.maxSentences());
        }
        ArrayNode notes = request.putArray("notes");
        for (Note note : known) {
            ObjectNode item = notes.addObject();
            if (note.at() != null) {
                item.put("at", note.at().toString());
            }
            item.put("text", note.text().length() > 10_000 ? note.text().substring(0, 10_000) : note.text());
        }
        if (body != null && body.notes() != null) {
            body.notes().forEach(text -> notes.addObject().put("text", text));
        }
        UUID job = workers.submit(Workers.AI_SUMMARY, subjectType, subjectId, request);
        return jobs.get(job);
    }
}
