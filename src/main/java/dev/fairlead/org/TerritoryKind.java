package dev.fairlead.org;

public enum TerritoryKind {
    PROVINCE, CITY, POSTAL_PREFIX
}
