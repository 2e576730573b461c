using System.Security.Cryptography;

namespace SocialEconomy.Web.Features.AdminUsers;

/// <summary>
/// The password an administrator hands over after creating an account or resetting one:
/// 16 characters from a cryptographic generator, with every kind the policy counts (upper,
/// lower, digit, symbol), so it passes PasswordPolicyValidator by a wide margin. Letters
/// and digits that are read alike (0/O, 1/l/I) are left out: it is read aloud or copied
/// by hand. The user must replace it at the next sign-in.
/// </summary>
public static class TemporaryPassword
{
    public const int Length = 16;

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%*-_=+?";
    private const string All = Upper + Lower + Digits + Symbols;

    public static string Generate()
    {
        var characters = new char[Length];
        characters[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        characters[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        characters[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        characters[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        RandomNumberGenerator.GetItems(All.AsSpan(), characters.AsSpan(4));
        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }
}
