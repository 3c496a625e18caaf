package io.vettify.operator.tenant;

/** The tenant's conditions, in the order its workflow makes them true (PRODUCT.md §8). */
public enum ConditionType {
    SecretsReady, DatabaseReady, SchemaMigrated, BucketReady, RedisReady, RuntimeAvailable, CanaryHealthy, Ready
}
