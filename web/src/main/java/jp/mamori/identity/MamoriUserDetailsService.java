package jp.mamori.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the person trying to log in by e-mail address, with the lock state as of now. */
@Service
class MamoriUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final Clock clock;

    MamoriUserDetailsService(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmailIgnoreCase(email.strip())
                .map(user -> new MamoriUserDetails(user, user.isLocked(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("no account for this e-mail address"));
    }
}
