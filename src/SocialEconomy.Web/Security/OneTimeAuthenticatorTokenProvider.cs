using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SocialEconomy.Web.Data.Identity;

namespace SocialEconomy.Web.Security;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step
/// of clock drift either way) that work once: the last accepted step is remembered, so a
/// code seen over a shoulder or replayed cannot be used again (ASVS 6.3.3). Identity's own
/// provider accepts a code for its whole window.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    private const string StoreName = "[PortalTotp]";
    private const string LastStepName = "LastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
    }

    // Codes come from the person's app; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (key is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var now = CurrentStep(clock.GetUtcNow());
        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, StoreName, LastStepName), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : long.MinValue;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > lastUsed && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                await manager.SetAuthenticationTokenAsync(user, StoreName, LastStepName, step.ToString(CultureInfo.InvariantCulture));
                return true;
            }
        }

        return false;
    }

    public static long CurrentStep(DateTimeOffset time) => time.ToUnixTimeSeconds() / 30;

    /// <summary>The 6-digit code of one time step (public for tests and for the enrolment page's check).</summary>
    public static string Code(byte[] secret, long step)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this is not a weak use of SHA-1 for integrity.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32, as authenticator keys are written.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = text.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not a base32 key.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
