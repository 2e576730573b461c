using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class LocalGovernmentConfiguration : IEntityTypeConfiguration<LocalGovernment>
{
    public void Configure(EntityTypeBuilder<LocalGovernment> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(LocalGovernment.NameMaxLength).IsRequired();
        builder.Property(g => g.ShortName).HasMaxLength(LocalGovernment.ShortNameMaxLength).IsRequired();
        builder.Property(g => g.Code).HasMaxLength(LocalGovernment.CodeLength);
        builder.Property(g => g.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasIndex(g => g.Code).IsUnique();
        builder.HasOne(g => g.Parent).WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(g => g.LevelLabel);
    }
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Department.NameMaxLength).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.LocalGovernmentId, d.Name }).IsUnique();
        builder.HasOne(d => d.LocalGovernment).WithMany().HasForeignKey(d => d.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);

        // Every department is shown with its government's short name (DisplayName).
        builder.Navigation(d => d.LocalGovernment).AutoInclude();
        builder.Ignore(d => d.DisplayName);
    }
}
