package dev.fairlead.org;

import dev.fairlead.org.persistence.ContactRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who to tell: a rep, the managers responsible for a team, a user. For notifications, not for display. */
@Service
public class Contacts {

    private final ContactRepository contacts;

    Contacts(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** The rep, through their login when they have one (else only their profile's e-mail). */
    @Transactional(readOnly = true)
    public Optional<Contact> rep(long repId) {
        return contacts.rep(repId);
    }

    /**
     * The managers of the nearest team at or above this one that has any; when no team up the
     * hierarchy has a manager, the directors.
     */
    @Transactional(readOnly = true)
    public List<Contact> managersOf(long teamId) {
        List<Contact> managers = contacts.nearestManagers(teamId);
        return managers.isEmpty() ? contacts.directors() : managers;
    }

    @Transactional(readOnly = true)
    public Optional<Contact> user(long userId) {
        return contacts.user(userId);
    }
}
