package dev.fairlead.chat;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.chat.persistence.ChatChannelRepository;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ids a rep is @-mentioned by in each platform's groups: a DingTalk phone number or user id, a
 * WeCom user id, a Feishu open_id / user_id. Read by whoever sees the rep; set by those who manage
 * the rep's team and by the rep.
 */
@Service
public class ChatIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_@.+-]{1,100}");

    private final ChatChannelRepository robots;
    private final RepService reps;
    private final AuditTrail audit;

    ChatIds(ChatChannelRepository robots, RepService reps, AuditTrail audit) {
        this.robots = robots;
        this.reps = reps;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Map<ChatPlatform, String> of(Viewer viewer, long repId) {
        reps.get(viewer, repId);
        return robots.repIds(repId);
    }

    @Transactional
    public Map<ChatPlatform, String> set(Viewer viewer, long repId, Map<ChatPlatform, String> ids) {
        Rep rep = reps.get(viewer, repId);
        boolean self = viewer.repId() != null && viewer.repId() == repId;
        if (!viewer.role().managesOrganisation() && !self) {
            throw new ForbiddenException("Role " + viewer.role() + " cannot change another rep's chat ids");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<ChatPlatform, String> clean = new EnumMap<>(ChatPlatform.class);
        (ids == null ? Map.<ChatPlatform, String>of() : ids).forEach((platform, id) -> {
            if (platform == null || id == null || id.isBlank()) {
                return;
            }
            if (!ID.matcher(id.strip()).matches()) {
                problems.add(FieldProblem.of(platform.name(), "chat.ids.invalid"));
            } else {
                clean.put(platform, id.strip());
            }
        });
        Validation.throwIfAny(problems);
        Map<ChatPlatform, String> before = robots.repIds(repId);
        robots.putRepIds(repId, clean);
        if (!before.equals(clean)) {
            audit.record(Change.updated("rep_chat_ids", repId, rep.teamId(), repId, before, clean));
        }
        return robots.repIds(repId);
    }
}
