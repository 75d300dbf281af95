package org.memberflow.api.security;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code api_key} table. */
@Mapper
interface ApiKeyMapper {

    ApiKey find(@Param("id") String id);

    List<ApiKey> page(@Param("offset") int offset, @Param("limit") int limit);

    long count();

    /** Adds the key unless one of the same name exists: 1 if added, else 0. */
    int insertIfNameFree(@Param("key") ApiKey key);

    int revoke(@Param("id") String id, @Param("at") Instant at);

    /** The active keys of {@code role}, locked until the transaction ends. */
    long countActive(@Param("role") Role role);
}
