package dev.assist.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a commit's user data records: schema version and the embedding model id and dimension. */
public record IndexMetadata(int schemaVersion, String modelId, int dimension) {

    public static IndexMetadata current(String modelId, int dimension) {
        return new IndexMetadata(IndexSchema.VERSION, modelId, dimension);
    }

    public Map<String, String> toUserData() {
        Map<String, String> data = new HashMap<>();
        data.put(IndexSchema.USER_SCHEMA_VERSION, Integer.toString(schemaVersion));
        data.put(IndexSchema.USER_MODEL_ID, modelId);
        data.put(IndexSchema.USER_DIMENSION, Integer.toString(dimension));
        data.put(IndexSchema.USER_COMMITTED_AT, Instant.now().toString());
        return data;
    }

    /** Empty for a commit that is not an Assist index (or an empty directory). */
    public static Optional<IndexMetadata> fromUserData(Map<String, String> data) {
        String version = data.get(IndexSchema.USER_SCHEMA_VERSION);
        if (version == null) {
            return Optional.empty();
        }
        return Optional.of(new IndexMetadata(Integer.parseInt(version), data.get(IndexSchema.USER_MODEL_ID),
                Integer.parseInt(data.getOrDefault(IndexSchema.USER_DIMENSION, "0"))));
    }

    /** Throws with a rebuild instruction unless {@code found} (on disk) matches this (expected) metadata. */
    public void requireCompatible(IndexMetadata found, String indexDir) {
        if (found.schemaVersion != schemaVersion) {
            throw new IncompatibleIndexException("index " + indexDir + " has schema version " + found.schemaVersion
                    + " but this Assist uses " + schemaVersion
                    + "; rebuild it: ./assist index --rebuild --source <articles> --index " + indexDir);
        }
        if (!found.modelId.equals(modelId) || found.dimension != dimension) {
            throw new IncompatibleIndexException("index " + indexDir + " was built with embedding model "
                    + found.modelId + " (" + found.dimension + " dims) but the configured model is " + modelId
                    + " (" + dimension + " dims); configure that model again, or rebuild the index: "
                    + "./assist index --rebuild --source <articles> --index " + indexDir);
        }
    }
}
