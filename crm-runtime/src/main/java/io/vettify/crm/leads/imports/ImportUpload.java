package io.vettify.crm.leads.imports;

import java.nio.file.Path;
import java.util.Map;

/**
 * An uploaded CSV file as the HTTP layer received it: stored in a temporary file, never held in memory.
 *
 * @param mapping CSV header → lead field; null for the automatic mapping
 */
public record ImportUpload(Path file, String fileName, String contentType, long size, Map<String, String> mapping) {
}
