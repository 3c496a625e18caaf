package io.vettify.crm.workers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.common.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reading jobs: the caller's tenant (and warehouse) only, like every CRM row. */
@ApplicationScoped
@Transactional
public class WorkerJobs {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public WorkerJobs(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    public JobView get(UUID id) {
        WorkerJob job = entityManager.find(WorkerJob.class, id);
        if (job == null) {
            throw ProblemException.notFound("job", id);
        }
        int attempts = job.attempts;
        if (job.status == WorkerJobStatus.PENDING) {
            // while pending, the dispatch row counts the attempts (it is read only once the job was found: ours)
            WorkerDispatch dispatch = entityManager.find(WorkerDispatch.class, id);
            attempts = dispatch == null ? attempts : dispatch.attempts;
        }
        return new JobView(job.id, job.worker, job.status, job.subjectType, job.subjectId, attempts, job.deadline,
                json(job.result), job.error, job.whid, job.createdAt, job.updatedAt);
    }

    private JsonNode json(String value) {
        try {
            return value == null ? null : mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's result is not JSON", e);
        }
    }
}
