package dev.fairlead.common.web;

/**
 * One record found by the global search.
 *
 * @param id the record's id
 * @param title what a person recognises it by (contact name, customer or deal name)
 * @param detail a line of context in the reader's language (company, owner, status)
 * @param url the record's page
 */
public record SearchHit(long id, String title, String detail, String url) {}
