namespace SocialEconomy.Domain.Organization;

/// <summary>
/// A department (부서) of a local government. Sub-projects are led by departments and,
/// later, officials are bound to them; names repeat across districts, so the
/// organization is part of the identity.
/// </summary>
public class Department
{
    public const int NameMaxLength = 100;

    public Department(string organization, string name)
    {
        Organization = Require(organization, "기관명");
        Name = Require(name, "부서명");
    }

    public int Id { get; private set; }

    /// <summary>The local government the department belongs to, e.g. 성북구.</summary>
    public string Organization { get; private set; }

    public string Name { get; private set; }

    public bool IsActive { get; private set; } = true;

    public string DisplayName => $"{Organization} {Name}";

    private static string Require(string value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{label}을(를) 입력하세요.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException($"{label}은(는) {NameMaxLength}자 이내로 입력하세요.");
        }

        return trimmed;
    }
}
