package jp.mamori.identity;

import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordTokenRepository extends JpaRepository<PasswordToken, String> {
}
