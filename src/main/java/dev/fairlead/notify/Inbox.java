package dev.fairlead.notify;

import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Viewer;
import dev.fairlead.notify.persistence.NotificationRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own messages; nobody reads another person's inbox. */
@Service
public class Inbox {

    private final NotificationRepository repository;
    private final Clock clock;

    Inbox(NotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<InboxItem> list(Viewer viewer, boolean unreadOnly, int limit) {
        return repository.inbox(viewer.userId(), unreadOnly, Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public long unreadCount(Viewer viewer) {
        return repository.unreadCount(viewer.userId());
    }

    @Transactional
    public InboxItem markRead(Viewer viewer, long id) {
        repository.markRead(viewer.userId(), id, clock.instant());
        return repository.find(viewer.userId(), id).orElseThrow(() -> new NotFoundException("notification", id));
    }

    @Transactional
    public int markAllRead(Viewer viewer) {
        return repository.markAllRead(viewer.userId(), clock.instant());
    }
}
