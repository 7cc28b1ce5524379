package dev.assist.routing;

/** The customer's support tier; higher tiers are picked up sooner. */
public enum CustomerTier {
    STANDARD, PREMIUM, ENTERPRISE
}
