package jp.mamori.identity;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmailVerificationTokenRepository extends JpaRepository<EmailVerificationToken, String> {
}
