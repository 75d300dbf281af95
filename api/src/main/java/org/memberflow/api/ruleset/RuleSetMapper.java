package org.memberflow.api.ruleset;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.memberflow.rules.session.RuleFile;

/** MyBatis mapper of the rule-set catalogue; SQL in resources/mapper/RuleSetMapper.xml. */
@Mapper
interface RuleSetMapper {
    /**
     * Locks the catalogue until the transaction ends (every writer takes this lock first) and
     * returns the active version; null before the first one.
     */
    Integer lockHead();

    void setHead(@Param("version") int version);

    /** The next version number; under {@link #lockHead()}. */
    int nextVersion();

    void insertVersion(@Param("v") RuleSetVersion version);

    void insertFile(@Param("version") int version, @Param("file") RuleFile file);

    void insertAudit(@Param("version") int version, @Param("action") String action, @Param("actor") String actor,
            @Param("detail") String detail, @Param("at") Instant at);

    int retireActive();

    int markActive(@Param("version") int version, @Param("at") Instant at);

    RuleSetVersion findVersion(@Param("version") int version);

    RuleSetVersion findActive();

    /** The version that was active before the current one: the retired one activated last. */
    RuleSetVersion findPreviouslyActive();

    /** The latest version of this name with exactly these files, if any. */
    RuleSetVersion findByChecksum(@Param("name") String name, @Param("checksum") String checksum);

    List<RuleSetVersion> findPage(@Param("offset") int offset, @Param("limit") int limit);

    int count();

    List<RuleFile> findFiles(@Param("version") int version);

    List<RuleSetVersion.FileSize> findFileSizes(@Param("version") int version);

    RuleFile findFile(@Param("version") int version, @Param("path") String path);

    List<RuleSetAudit> findAudit(@Param("offset") int offset, @Param("limit") int limit);
}
