namespace SocialEconomy.Domain.Organization;

/// <summary>
/// A department (부서) of a local government. Sub-projects are led by departments and
/// officials are bound to them; names repeat across governments, so the government is part
/// of the identity.
/// </summary>
public class Department
{
    public const int NameMaxLength = 100;

    public Department(LocalGovernment government, string name)
    {
        ArgumentNullException.ThrowIfNull(government);
        LocalGovernment = government;
        LocalGovernmentId = government.Id;
        Name = Require(name);
    }

    private Department()
    {
        LocalGovernment = null!;
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public int LocalGovernmentId { get; private set; }

    /// <summary>The government the department belongs to; always loaded with it (AutoInclude).</summary>
    public LocalGovernment LocalGovernment { get; private set; }

    public string Name { get; private set; }

    public bool IsActive { get; private set; } = true;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public string DisplayName => $"{LocalGovernment.ShortName} {Name}";

    public void Rename(string name)
    {
        Name = Require(name);
        Version = Guid.NewGuid();
    }

    /// <summary>Deactivated, it keeps its history and is refused for new work; never deleted.</summary>
    public void SetActive(bool active)
    {
        IsActive = active;
        Version = Guid.NewGuid();
    }

    private static string Require(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException("부서명을 입력하세요.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException($"부서명은 {NameMaxLength}자 이내로 입력하세요.");
        }

        return trimmed;
    }
}
