using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

/// <summary>What a person's authenticator app shows, computed from the key on the enrolment page.</summary>
internal static class Totp
{
    public static string CodeAt(string displayedKey, int stepsFromNow = 0) =>
        OneTimeAuthenticatorTokenProvider.Code(
            Base32.Decode(displayedKey.Replace(" ", string.Empty, StringComparison.Ordinal)),
            OneTimeAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow) + stepsFromNow);
}
